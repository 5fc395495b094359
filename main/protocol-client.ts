// Process: main. How the OS starts Doorway for a meeting link. On Windows the registered command
// ends with `--` before "%1", so a crafted link can never be read as a Chromium switch (the
// argument-injection class of CVE-2018-1000006); in development the app's path goes first.
export function protocolClientArgs(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  execPath: string,
  appPath: string,
): { executable?: string; args?: string[] } {
  if (platform !== 'win32') return {};
  return isPackaged ? { executable: execPath, args: ['--'] } : { executable: execPath, args: [appPath, '--'] };
}
