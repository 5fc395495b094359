// Process: renderer, rendered to HTML by the build (scripts/build.mjs), never at run time. What
// the main window paints before any script has run: the join screen's header on the page's
// background, from index.html and its inline stylesheet alone, with no request before it. The
// tagline is a blank line (its words depend on the guest's language, known only at run time), so
// that nothing moves when the join screen takes its place (main.tsx swaps them in one task).
import { JoinHeader } from './JoinHeader';

export function AppShell({ productName }: { productName: string }) {
  return (
    <main class="join" data-app-shell="">
      <JoinHeader productName={productName} tagline={'\u00a0'} />
    </main>
  );
}
