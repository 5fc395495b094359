// Process: main. The application menu for each platform: the standard app menu on macOS, File /
// Edit / View / Window / Help elsewhere. Labels of our own items come from the i18n catalogue;
// standard roles are labelled by the OS.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  copyDiagnostics(): void;
  openLogsFolder(): void;
  openSupport: (() => void) | null;
}

export interface MenuLabels {
  help: string;
  copyDiagnostics: string;
  openLogsFolder: string;
  support: string;
}

export function menuTemplate(
  platform: NodeJS.Platform,
  productName: string,
  labels: MenuLabels,
  actions: MenuActions,
  isDevelopment: boolean,
): MenuItemConstructorOptions[] {
  const helpItems: MenuItemConstructorOptions[] = [
    { label: labels.copyDiagnostics, click: () => actions.copyDiagnostics() },
    { label: labels.openLogsFolder, click: () => actions.openLogsFolder() },
  ];
  if (actions.openSupport) {
    const openSupport = actions.openSupport;
    helpItems.unshift({ label: labels.support, click: () => openSupport() }, { type: 'separator' });
  }
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  // Reload and devtools only while developing: a reload mid-meeting drops the call.
  if (isDevelopment) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });

  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') {
    template.push({
      label: productName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  } else {
    template.push({ role: 'fileMenu', submenu: [{ role: 'quit' }] });
  }
  template.push(
    { role: 'editMenu' },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', label: labels.help, submenu: helpItems },
  );
  return template;
}
