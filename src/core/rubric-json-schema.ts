import { z } from './zod';
import { rubricShapeSchema } from './schema';

/**
 * The JSON Schema shipped as rubrics/rubric.schema.json, made from the same
 * zod schema the app uses, so editors flag shape errors as you type. The
 * cross-field rules (weight sums, bands) need the validator.
 */
export function rubricJsonSchemaText(): string {
  const schema = z.toJSONSchema(rubricShapeSchema, { io: 'input', target: 'draft-2020-12' });
  const titled = {
    ...schema,
    $id: 'https://moatscore.invalid/rubric.schema.json',
    title: 'Moatscore rubric',
    description:
      'Shape of a Moatscore rubric. Weight sums, unique ids, increasing level values and gap-free bands are checked by `npm run cli -- validate`.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
