// The pages with little to show: Scaling and Webhooks (only when the host enables them) and Not found.
import { config } from "../config";
import { PageHeader } from "../components/Common";

const FEATURES: Record<string, string> = { scaling: "Scaling", webhooks: "Webhooks" };

export function FeaturePage({ feature }: { feature: string }) {
  const title = FEATURES[feature] ?? feature;
  if (!config().features.includes(feature)) {
    return (
      <>
        <PageHeader title={title} />
        <p class="cc-alert cc-alert--info">{title} is not enabled on this server.</p>
      </>
    );
  }
  // The dashboard API (docs/api/README.md) has no documents for these yet.
  return (
    <>
      <PageHeader title={title} />
      <p class="cc-alert cc-alert--info">
        {title} is enabled. Its activity is not part of the dashboard API yet; see the server's log meanwhile.
      </p>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no such page. <a href="#/">Go to the overview</a>.
      </p>
    </>
  );
}
