// Dialog: a modal confirmation on the native <dialog> (showModal makes the page inert, so focus stays inside; Esc cancels).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  destructive?: boolean;
  busy?: boolean;
  error?: string;
  /** The element to focus first (a selector inside the dialog); Cancel when not given. */
  focus?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function Dialog({ title, children, confirmLabel, destructive, busy, error, focus, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    ref.current?.showModal();
    // Cancel is the safe default: focus it first, unless the dialog asks for input.
    ref.current?.querySelector<HTMLElement>(focus ?? ".cc-dialog__cancel")?.focus();
    const dialog = ref.current;
    return () => {
      dialog?.close(); // while modal, the page is inert and would refuse the focus
      (opener.current as HTMLElement | null)?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="cc-dialog"
      aria-labelledby="cc-dialog-title"
      aria-describedby="cc-dialog-body"
      onCancel={(e) => {
        e.preventDefault(); // Esc: let the owner close it, so its state stays the truth
        if (!busy) onCancel();
      }}
    >
      <h2 id="cc-dialog-title">{title}</h2>
      <div id="cc-dialog-body">{children}</div>
      {error && (
        <p class="cc-error" role="alert">
          {error}
        </p>
      )}
      <div class="cc-buttons">
        <button type="button" class="cc-button cc-dialog__cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          class={"cc-button " + (destructive ? "cc-button--danger" : "cc-button--primary")}
          onClick={onConfirm}
          disabled={busy}
        >
          {busy ? "Working…" : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
