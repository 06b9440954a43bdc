/** Phone-narrow: below Tailwind's `sm` (640 px). Here, apart from the hook, so the preview's boot script need not bundle React. */
export const NARROW_SCREEN_QUERY = "(max-width: 639px)";
