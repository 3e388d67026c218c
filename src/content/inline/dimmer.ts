/**
 * The theme's comments the moderator spammed or trashed on the page, dimmed where they stand (what
 * was decided shown at once), each with the opacity it had, put back when undone or when the view goes.
 */
export class Dimmer {
  private readonly dimmed = new Map<Element, string>();

  set(element: Element, dimmed: boolean): void {
    const style = (element as HTMLElement).style;
    if (!style) return;
    if (dimmed && !this.dimmed.has(element)) {
      this.dimmed.set(element, style.opacity);
      style.opacity = '0.45';
    } else if (!dimmed && this.dimmed.has(element)) {
      style.opacity = this.dimmed.get(element) ?? '';
      this.dimmed.delete(element);
    }
  }

  /** Every dimmed comment as it was. */
  restoreAll(): void {
    for (const element of [...this.dimmed.keys()]) this.set(element, false);
  }
}
