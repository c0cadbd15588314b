export function LearningTab() {
  return <div>LearningTab</div>;
}
