import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Mail clients per Exchange version and other software on an Exchange server (EXB-012, fact A-57; lead,
 * session 10). "outlook 2013 with exchange SE?" got Exchange 2013's upgrade path, "can exchange 2019 and
 * sharepoint 2019 be on the same server?" Exchange 2019's Windows releases: the year of another product was
 * read as an Exchange version and the nearest passage shown.
 */
const ANSWERED: Array<{ q: string; passage: RegExp }> = [
  { q: 'which outlook versions work with exchange 2016', passage: /^Exchange version: Exchange 2016; Outlook clients supported: .*Outlook 2010/ },
  { q: 'is outlook 2010 supported with exchange 2019', passage: /^Exchange version: Exchange 2019; .*Not supported: Outlook 2010/ },
  { q: 'does outlook 2007 work with exchange 2010', passage: /^Exchange version: Exchange 2010 SP3; Outlook clients supported: .*Outlook 2007/ },
  { q: 'outlook 2013 with exchange SE?', passage: /^Exchange version: Exchange SE; Outlook clients supported: not in a source we read for SE/ },
  { q: 'is outlook 2016 supported on exchange SE', passage: /^Exchange version: Exchange SE;/ },
  { q: 'can exchange 2019 and sharepoint 2019 be on the same server?', passage: /same server as Exchange/ },
  { q: 'sharepoint and exchange on the same server?', passage: /never go on the same server as Exchange 2016 or 2019/ },
  { q: 'can i put office online server on the exchange 2016 box', passage: /Office Online Server/ },
];

/** Exchange Online, Office 365 and hybrid are not the on-premises clients the table lists. */
const NOT_ANSWERED = ['exchange 2019 hybrid with office 365 supported?', 'is exchange online supported with outlook 2013'];

describe('mail clients and other software on an Exchange server (EXB-012)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  for (const { q, passage } of ANSWERED) {
    it(`"${q}" quotes the passage that answers it`, () => {
      const answer = kb.search(q);
      assert.equal(answer.best?.article.id, 'EXB-012', q);
      assert.match(answer.passage?.sentences[0] ?? '', passage);
    });
  }

  for (const q of NOT_ANSWERED) {
    it(`"${q}" gets no passage of the client table`, () => {
      const answer = kb.search(q);
      assert.ok(answer.best === undefined || answer.best.article.id !== 'EXB-012', `${q}: ${answer.passage?.sentences[0] ?? ''}`);
    });
  }
});
