; Included by electron-builder's NSIS installer (it picks up build/installer.nsh by name).
; electron-builder registers `protocols` only on macOS and Linux, so the per-user installer writes
; the link scheme under HKCU itself, the keys Electron's app.setAsDefaultProtocolClient writes, and
; removes them on uninstall (not when the uninstall is part of an update). The command has `--`
; before "%1", exactly as main/protocol-client.ts registers it at run time, so a crafted link is
; never read as a Chromium switch.
; The scheme is read from branding.json (one "key": "value" per line) when the installer is compiled.
!searchparse /file "${BUILD_RESOURCES_DIR}\branding.json" `"linkScheme": "` LINK_SCHEME `"`

!macro customInstall
  WriteRegStr HKCU "Software\Classes\${LINK_SCHEME}" "" "URL:${PRODUCT_NAME}"
  WriteRegStr HKCU "Software\Classes\${LINK_SCHEME}" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\${LINK_SCHEME}\DefaultIcon" "" "$appExe,0"
  WriteRegStr HKCU "Software\Classes\${LINK_SCHEME}\shell\open\command" "" '"$appExe" -- "%1"'
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey HKCU "Software\Classes\${LINK_SCHEME}"
  ${endIf}
!macroend
