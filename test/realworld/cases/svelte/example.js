// svelte's documented compiler API: compile a component for SSR and DOM.
const { compile, VERSION } = require('svelte/compiler');
const source = `<script>
  export let name = 'world';
  let count = 0;
  $: doubled = count * 2;
  function inc() { count += 1; }
</script>
<h1>Hello {name}!</h1>
<button on:click={inc}>{count} / {doubled}</button>
{#each [1, 2] as n}<i>{n}</i>{/each}
<style>h1 { color: purple; }</style>`;
const dom = compile(source, { filename: 'App.svelte', generate: 'dom' });
console.log(VERSION, dom.warnings.length, dom.js.code.length > 0, dom.css.code);
const ssr = compile(source, { filename: 'App.svelte', generate: 'ssr' });
console.log(ssr.js.code);
try { compile('<div>{#if}</div>'); } catch (e) { console.log(e.code, e.start && e.start.line); }
