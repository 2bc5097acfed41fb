// What a removal takes with it, as words (the plan page's confirmation and the import's preview): each kind of
// thing held, with its count, those there are only. No server import: pages use it.
type Contents = { below: number; lines: number; indicators: number; values: number; initiatives: number };
type Translate = (key: string, values?: Record<string, string | number>) => string;

export function contentsWords(t: Translate, contents: Contents): string[] {
	return (['below', 'lines', 'indicators', 'values', 'initiatives'] as const).filter((part) => contents[part] > 0).map((part) => t(`strategy.remove_holds_${part}`, { count: contents[part] }));
}
