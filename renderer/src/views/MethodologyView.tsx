export function MethodologyView() {
  return <div>Methodology</div>;
}
