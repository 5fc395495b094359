// Process: main. The ACS SDK's environment table has no Electron entry, so it reports "unsupported
// browser" and turns off video effects when it sees `Electron/x`. Chromium is what actually runs,
// so Doorway presents the plain Chrome user agent: the Electron and app-name tokens removed.

/** Removes `Electron/<v>` and `<productName>/<v>` tokens from a Chromium user agent. */
export function chromeUserAgent(userAgent: string, productName: string): string {
  const product = productName.replace(/[^A-Za-z0-9._-]/g, '');
  return userAgent
    .split(' ')
    .filter((token) => {
      const name = token.split('/')[0] ?? '';
      return name !== 'Electron' && (product === '' || name.toLowerCase() !== product.toLowerCase());
    })
    .join(' ');
}
