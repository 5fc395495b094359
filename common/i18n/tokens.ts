// Strings for the token errors the join screen shows (main/tokens' TokenErrorCode, one key each; notConfigured
// has a developer's version for runs from source, which names what to set).
import { defineMessages } from './define';

export const tokens = defineMessages({
  en: {
    'token.error.notConfigured':
      'This app is not set up to join meetings yet. Please contact the organization that gave it to you: their IT team needs to set the address of their token service ("tokenEndpoint" in build/branding.json) and rebuild the app.',
    'token.error.notConfigured.fromSource':
      'No token service is set for this development run. Start one with "npm run token-server" (see server/README.md) and start the app with DOORWAY_TOKEN_ENDPOINT=http://localhost:8080/api/token, or set ACS_CONNECTION_STRING. A packaged build uses "tokenEndpoint" in build/branding.json instead.',
    'token.error.offline': 'You seem to be offline. Check your internet connection, then try again.',
    'token.error.unreachable':
      'The meeting service cannot be reached. Check your connection or try again in a few minutes. On a company network, a firewall or proxy may be blocking it.',
    'token.error.refused':
      'The meeting service did not accept this app. Make sure you have the latest version from the organization that invited you.',
    'token.error.rateLimited': 'Too many attempts in a short time. Wait a minute, then try again.',
    'token.error.serviceError': 'The meeting service has a problem right now. Try again in a few minutes.',
    'token.error.badResponse':
      'The meeting service sent an answer this app cannot use. Check that your computer’s date and time are correct, then try again. If it keeps happening, contact the organization that invited you.',
    'token.error.timeout': 'The meeting service took too long to answer. Check your connection, then try again.',
  },
  ko: {
    'token.error.notConfigured':
      '이 앱은 아직 모임에 참가할 수 있도록 설정되지 않았습니다. 앱을 제공한 기관에 문의해 주세요. 해당 기관의 IT 담당자가 토큰 서비스 주소(build/branding.json의 "tokenEndpoint")를 설정한 뒤 앱을 다시 빌드해야 합니다.',
    'token.error.notConfigured.fromSource':
      '이 개발 실행에는 토큰 서비스가 설정되어 있지 않습니다. "npm run token-server"로 토큰 서비스를 시작한 다음(server/README.md 참고) DOORWAY_TOKEN_ENDPOINT=http://localhost:8080/api/token을 지정해 앱을 실행하거나, ACS_CONNECTION_STRING을 설정해 주세요. 패키지로 빌드한 앱은 대신 build/branding.json의 "tokenEndpoint"를 사용합니다.',
    'token.error.offline': '인터넷에 연결되어 있지 않은 것 같습니다. 연결을 확인한 뒤 다시 시도해 주세요.',
    'token.error.unreachable':
      '모임 서비스에 연결할 수 없습니다. 연결을 확인하거나 몇 분 뒤에 다시 시도해 주세요. 회사 네트워크에서는 방화벽이나 프록시가 연결을 막고 있을 수 있습니다.',
    'token.error.refused': '모임 서비스가 이 앱의 요청을 받아들이지 않았습니다. 초대한 기관에서 받은 최신 버전의 앱인지 확인해 주세요.',
    'token.error.rateLimited': '짧은 시간에 요청이 너무 많았습니다. 1분쯤 기다린 뒤 다시 시도해 주세요.',
    'token.error.serviceError': '지금 모임 서비스에 문제가 있습니다. 몇 분 뒤에 다시 시도해 주세요.',
    'token.error.badResponse':
      '모임 서비스가 보낸 응답을 이 앱에서 사용할 수 없습니다. 컴퓨터의 날짜와 시간이 올바른지 확인한 뒤 다시 시도해 주세요. 문제가 계속되면 초대한 기관에 문의해 주세요.',
    'token.error.timeout': '모임 서비스의 응답이 너무 늦습니다. 연결을 확인한 뒤 다시 시도해 주세요.',
  },
});
