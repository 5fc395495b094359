// Process: renderer. A component that re-renders only when its props change (shallowly), with
// core Preact only. (preact/compat's memo would install compat's global vnode hook, which rewrites
// every element's props for the whole app, join screen included.)
import { Component, h, type ComponentChildren, type FunctionComponent } from 'preact';

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (key !== 'children' && a[key] !== b[key]) return false;
  for (const key in b) if (key !== 'children' && !(key in a)) return false;
  return a.children === b.children;
}

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next as Record<string, unknown>);
    }
    override render(props: P): ComponentChildren {
      return h(render, props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${render.displayName ?? render.name})`;
  return Memo as unknown as FunctionComponent<P>;
}
