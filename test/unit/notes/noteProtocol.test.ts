import { strict as assert } from 'assert';
import { parseNoteMessage } from '../../../src/protocol/note';

describe('note view messages, checked on the host', () => {
  it('takes the buttons it knows, Back among them', () => {
    for (const command of ['back', 'review', 'quiz', 'search']) assert.deepEqual(parseNoteMessage({ type: 'command', command }), { type: 'command', command });
    assert.equal(parseNoteMessage({ type: 'command', command: 'delete' }), undefined);
  });

  it('takes a scroll report only with the note it is about', () => {
    assert.deepEqual(parseNoteMessage({ type: 'scrolled', noteId: 'bedrock-api', slug: 'converse' }), { type: 'scrolled', noteId: 'bedrock-api', slug: 'converse' });
    assert.deepEqual(parseNoteMessage({ type: 'scrolled', noteId: 'bedrock-api', slug: '' }), { type: 'scrolled', noteId: 'bedrock-api', slug: '' });
    assert.equal(parseNoteMessage({ type: 'scrolled', slug: 'converse' }), undefined);
    assert.equal(parseNoteMessage({ type: 'scrolled', noteId: 'x', slug: 'y'.repeat(400) }), undefined);
  });
});
