/** A row's select box. The label around it is what a finger hits: 44 px on touch screens (shared/ui/touch.css). */
export function SelectBox({ checked, label, onToggle }: { checked: boolean; label: string; onToggle: () => void }) {
  return (
    <label class="select-target">
      <input type="checkbox" class="select" tabIndex={-1} checked={checked} aria-label={label} onChange={onToggle} />
    </label>
  );
}
