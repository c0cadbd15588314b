export function BudgetTab() {
  return <div>BudgetTab</div>;
}
