// QUO003: unbounded map. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'QUO003',
  name: 'unbounded-map',
  title: 'Unbounded Map',
  description: 'A Map without MaxConcurrency, or a Distributed Map without a tolerated-failure limit.',
  category: 'best-practice',
  severity: 'warning',
  messages: {},
});
