export function GoalsTab() {
  return <div>GoalsTab</div>;
}
