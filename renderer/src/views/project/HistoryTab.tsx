export function HistoryTab() {
  return <div>HistoryTab</div>;
}
