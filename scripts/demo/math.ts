/**
 * The `Math` and `Number` functions the generator calls for every flight and timestamp, read once.
 * Code running in a vm context (jest runs each test file in one) looks a global such as `Math` up
 * through the context's interceptor on every call, and cannot have it inlined: a seeding there took
 * a third to a half more CPU than with these (measured in a jest worker).
 */
export const { floor, round, min, max, imul } = Math;
export const { isNaN } = Number;
