export function EffectTab() {
  return <div>EffectTab</div>;
}
