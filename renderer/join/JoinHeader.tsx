// Process: renderer. The join screen's header: the product's mark and name, and its tagline. The
// build also renders it, with a blank tagline, into index.html as the app shell (AppShell.tsx).
import { Icon } from '../components/Icon';

export function JoinHeader({ productName, tagline }: { productName: string; tagline: string }) {
  return (
    <header class="join__header">
      <span class="join__logo" aria-hidden="true">
        <Icon name="calendar" />
      </span>
      <div>
        <h1 class="join__product">{productName}</h1>
        <p class="join__tagline">{tagline}</p>
      </div>
    </header>
  );
}
