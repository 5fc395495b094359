// Which way screen sharing is answered on each OS, and the Chromium switch for Wayland.
import { describe, expect, it } from 'vitest';
import { capturePlan, isWaylandSession, mergeFeatures } from '../../../main/capture/capture-strategy';

describe('capture strategy', () => {
  it('Windows: our picker, with system audio', () => {
    expect(capturePlan({ platform: 'win32', env: {} })).toEqual({ mode: 'picker', useSystemPicker: false, systemAudio: true, enableFeatures: [] });
  });

  it('macOS: the system picker where Electron has it (15+), our picker otherwise; no system audio', () => {
    expect(capturePlan({ platform: 'darwin', env: {} })).toEqual({ mode: 'picker', useSystemPicker: true, systemAudio: false, enableFeatures: [] });
  });

  it('Linux on X11: our picker', () => {
    expect(capturePlan({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' } })).toMatchObject({ mode: 'picker', enableFeatures: [] });
  });

  it('Linux on Wayland: the portal picks, with the PipeWire capturer enabled', () => {
    expect(capturePlan({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({
      mode: 'portal',
      useSystemPicker: false,
      systemAudio: false,
      enableFeatures: ['WebRTCPipeWireCapturer'],
    });
  });

  it('recognizes a Wayland session from XDG_SESSION_TYPE, or a Wayland display when the type is unset', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: ' Wayland ' })).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    // An X11 session with a nested Wayland display (e.g. a Wayland compositor in a window) is X11.
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: 'wayland-1' })).toBe(false);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'tty' })).toBe(false);
    expect(isWaylandSession({})).toBe(false);
  });

  it('Wayland variables mean nothing off Linux', () => {
    expect(capturePlan({ platform: 'freebsd', env: { XDG_SESSION_TYPE: 'wayland' } }).mode).toBe('picker');
    expect(capturePlan({ platform: 'win32', env: { XDG_SESSION_TYPE: 'wayland' } }).mode).toBe('picker');
  });

  it('adds features to an --enable-features value without dropping or repeating any', () => {
    expect(mergeFeatures('', ['WebRTCPipeWireCapturer'])).toBe('WebRTCPipeWireCapturer');
    expect(mergeFeatures('Foo, Bar', ['WebRTCPipeWireCapturer'])).toBe('Foo,Bar,WebRTCPipeWireCapturer');
    expect(mergeFeatures('WebRTCPipeWireCapturer,Foo', ['WebRTCPipeWireCapturer'])).toBe('WebRTCPipeWireCapturer,Foo');
    expect(mergeFeatures('Foo', [])).toBe('Foo');
  });
});
