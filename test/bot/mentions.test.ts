import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { normalizeIncomingMessage } from '../../bot/exchange-support-bot';
import { stripMentions } from '../../bot/incoming-text';
import { type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Teams `<at>` mentions are removed by the bot (bot/incoming-text.ts), so the search never sees them.
describe('Teams mentions are removed before the search', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  /** What the search gets for a Teams message with this text. */
  const asRead = (text: string): string => {
    const activity = { type: 'message', text, channelId: 'msteams', recipient: { id: 'bot' } } as Activity;
    normalizeIncomingMessage(activity);
    return activity.text;
  };

  it('stripMentions removes Teams mentions, not the words around them', () => {
    assert.doesNotMatch(stripMentions('<at>Exchange Bot</at> what is an EVS'), /Exchange Bot|<|>/);
    assert.match(stripMentions('<at>Exchange Bot</at> what is an EVS'), /what is an EVS/);
    assert.equal(stripMentions('no tags here'), 'no tags here');
    assert.equal(stripMentions('<AT>Bot</AT> hi <at>Ann\nLee</at>'), '  hi  ');
  });

  it('a Teams mention "<at>Exchange Bot</at> what is an EVS" → EXB-004', () => {
    assert.equal(asRead('<at>Exchange Bot</at> what is an EVS'), 'what is an EVS');
    assert.equal(kb.search(asRead('<at>Exchange Bot</at> what is an EVS')).best?.article.id, 'EXB-004');
  });

  it('a bare mention "<at>Exchange Bot</at>" → no text, so nothing (the bot\'s name is not a question)', () => {
    assert.equal(asRead('<at>Exchange Bot</at>'), '');
    assert.equal(kb.search(asRead('<at>Exchange Bot</at>')).best, undefined);
  });

  it('a mention does not change the answer', () => {
    const plain = kb.search('what is an EVS');
    const mentioned = kb.search(asRead('<at>Exchange Bot</at> what is an EVS'));
    assert.equal(mentioned.best?.article.id, plain.best?.article.id);
    assert.deepEqual(
      mentioned.related.map((a) => a.id),
      plain.related.map((a) => a.id),
    );
  });
});
