// placeholder
import type { ImportContext } from '../context.ts';
import type { Stage, tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';
export async function stageXlsx(ctx: ImportContext, spec: TableSpec, names: ReturnType<typeof tempNames>): Promise<Stage> {
  void ctx; void spec; void names; throw new Error('todo');
}
