/** The quarters' narratives as modules (src/integration/narrativeModules.ts): slug → the compiled MDX. */
declare module 'virtual:goalpost/narratives' {
  const narratives: Readonly<
    Record<string, () => Promise<{ default: import('astro/runtime/server/index.js').AstroComponentFactory }>>
  >;
  export default narratives;
}
