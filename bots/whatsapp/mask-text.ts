// The masking lives with the logger now (src/logging); the WhatsApp channel keeps importing it here.
export { maskNumbers } from '../../src/logging';
