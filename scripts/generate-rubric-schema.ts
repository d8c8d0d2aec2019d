import { writeFileSync } from 'node:fs';
import { rubricJsonSchemaText } from '../src/core/rubric-json-schema';

const target = new URL('../rubrics/rubric.schema.json', import.meta.url);
writeFileSync(target, rubricJsonSchemaText());
console.log(`wrote ${target.pathname}`);
