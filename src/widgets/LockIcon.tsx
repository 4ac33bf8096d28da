/** A small padlock, drawn rather than an emoji so it shows in every font. */
export function LockIcon() {
  return (
    <svg className="lock-icon" width="12" height="14" viewBox="0 0 12 14" aria-hidden="true" focusable="false">
      <path d="M2 6h8v7H2z M3.5 6V4a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
