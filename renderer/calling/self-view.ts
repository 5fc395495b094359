// Process: renderer. The guest's own picture is shown as a mirror image, as in every meeting app.
// The SDK's `isMirrored` flips local video on its own terms (measured with SDK 2.0 in Chromium:
// not for the fake camera), so count the horizontal flips between our wrapper and the <video>
// and add one on the wrapper when the count is even. Used by the preview and the self tile.
export function mirrorSelfView(wrapper: HTMLElement, video: HTMLVideoElement | null): void {
  let flips = 0;
  for (let element: Element | null = video; element && element !== wrapper; element = element.parentElement) {
    const transform = getComputedStyle(element).transform;
    if (transform && transform !== 'none' && new DOMMatrixReadOnly(transform).a < 0) flips++;
  }
  wrapper.style.transform = flips % 2 === 0 ? 'scaleX(-1)' : 'none';
}
