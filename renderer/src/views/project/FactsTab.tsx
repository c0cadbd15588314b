export function FactsTab() {
  return <div>FactsTab</div>;
}
