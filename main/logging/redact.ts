// Process: main. Scrubs secrets from anything written to a log: access tokens (JWTs), bearer
// headers, connection-string keys, meeting passcodes, ACS user ids and Teams meeting thread ids.
// Linear patterns only: logs can hold a pasted email.

const RULES: ReadonlyArray<[RegExp, string]> = [
  // JWTs: three base64url parts, the first starting with '{"' encoded.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[token]'],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/gi, '$1 [token]'],
  [/\b(accesskey|access_key|token|secret|password|passcode|pwd|p|sig|code)=([^&\s;"']+)/gi, '$1=[redacted]'],
  [/("(?:token|accessToken|passcode|password|secret|accesskey)"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"'],
  // ACS identities: 8:acs:<resource>_<guid>, 8:gcch-acs:..., 8:dod-acs:...
  [/\b8:[a-z-]*acs:[A-Za-z0-9_-]+/g, '8:acs:[user]'],
  // Teams meeting threads: 19:meeting_<id>@thread.v2 (raw or percent-encoded).
  [/19(?::|%3a)meeting_[A-Za-z0-9_-]+/gi, '19:meeting_[id]'],
  // Passcode lines of a pasted invitation.
  [/(passcode|암호)(\s*[:：]\s*)\S+/gi, '$1$2[redacted]'],
];

export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
