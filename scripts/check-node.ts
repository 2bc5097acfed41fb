// Guards every npm script: the project runs on the Node 24 it installs (the `node` devDependency).
// If install scripts were skipped, npm falls back to the machine's Node and things fail oddly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	console.error(
		`Sharaka needs Node.js 24 (found ${process.versions.node}). Run "npm install" (or "npm ci") without --ignore-scripts: ` +
			`the project installs Node 24 itself in node_modules/.bin.`
	);
	process.exit(1);
}
