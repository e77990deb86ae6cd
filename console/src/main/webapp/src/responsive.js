import { ref } from 'vue'

// Below this width (a phone held upright) the console lays out for one column: the menu becomes a drawer, tables
// keep their main columns, forms put labels above fields.
const PHONE = window.matchMedia('(max-width: 767px)')

/** Whether the window is phone-width now; follows rotation and resizing. */
export const narrow = ref(PHONE.matches)
PHONE.addEventListener('change', (e) => (narrow.value = e.matches))
