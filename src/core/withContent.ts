/**
 * What the extension host needs once the content is loaded, and not before: the study core
 * (search index, glossary resolver, fuse.js suggestions) and the library of the learner's notes
 * (the note parser). The extension imports this module only with import(), and the build makes it
 * a file of its own (dist/lazy/study.js), so none of it is compiled while the extension activates.
 */
export { StudyCore } from './study';
export { NotesLibrary } from './library/notesLibrary';
