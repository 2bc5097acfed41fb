/** Service field paths (languages.0.level, skills.2) → the form's field names. */
export function formFieldErrors(errors: Record<string, string>): Record<string, string> {
	const mapped: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) {
		const language = /^languages\.(\d+)\.(language|level)$/.exec(path);
		const name = language ? `${language[2]}_${Number(language[1]) + 1}` : path.startsWith('languages') ? 'language_1' : path.split('.')[0];
		mapped[name] ??= message;
	}
	return mapped;
}
