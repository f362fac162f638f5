import { strict as assert } from 'node:assert';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25 (l25): where the listing reader stops. A design typed one group a line, with a line it cannot read as a
 * server's or a role where a server's name would be, is handed on (`none`), so the design reader judges every line;
 * lines that all read as servers, and command output, stay listings.
 */
describe('Listings: a typed design is not a listing (issue 25)', () => {
  const kb = sharedKnowledgeBase();
  const kind = (text: string) => answerListing(text, kb).kind;

  const designs: readonly [string, string][] = [
    ['a "BE:" line the listing cannot read', 'FE1, FE2: Exchange 2003 Standard front-ends, Windows NLB\nBE: Exchange 2003 Enterprise, 2-node cluster'],
    ['a bulleted "- BE:" line', '- FE01/FE02: exchange 2003 std front ends behind NLB\n- BE: exchange 2003 ent back end, 2 node cluster'],
    ['a "Mailbox:" line beside named CAS servers', 'CAS01, CAS02: Exchange 2007 SP3 client access behind WNLB\nMailbox: Exchange 2007 SP3 Enterprise, CCR 2 nodes'],
    ["roles where the servers' names would be", 'Front-ends: Exchange 2003 Standard x2, NLB\nBack-end: Exchange 2003 Enterprise, 2-node cluster'],
    ['"E2K3" named in the unread line', 'FE-A, FE-B: E2K3 SP2 front ends, NLB\nBE: E2K3 SP2 Enterprise, active/passive 2 node cluster'],
    // Lead, session 8 (w4-design-03): a line of a range of names with a bare year and a DAG; the Edge line above it is no listing alone.
    [
      'a "MBX1..MBX4:" DAG line under named Edge servers',
      '- EDGE-A, EDGE-B: 2019 CU15 edge, workgroup, Windows Server 2019 Std, two MX records same priority\n- MBX1..MBX4: 2019 CU15 DAG, Windows Server 2019 Datacenter, witness on FS01, member servers',
    ],
    // Lead, session 8 (w6-hunt-60): counts, years and words after a DAG's name are no member list ("mbx, on, std" were read as servers).
    ['DAGs described in words after their names', 'SE, HQ:\nDAG-HQ: 3 mbx on 2025 std, no DCs\nDAG-BR: 2 mbx on 2025 std, fsw on BR-MBX1 (the branch has nothing else)'],
  ];
  for (const [name, text] of designs) it(`hands on ${name}`, () => assert.equal(kind(text), 'none', text));

  const listings: readonly [string, string][] = [
    ['servers typed with versions in words', 'From our CMDB export:\nEX01 - Exchange 2010 SP3 - Mailbox\nEX02 - Exchange 2010 SP3 - Mailbox\nEX03 - Exchange 2010 SP3 - Hub'],
    // The design reader would join these two lines into one DAG of mixed versions (unless a line says "new DAG").
    ['a migration typed one version a line', 'OLD: Exchange 2016 CU23, 2 servers in DAG, Win 2016 Std\nNEW: Exchange SE, 2 servers in a DAG, Win 2025 Std'],
    ['typed lines with builds and a role label under them', 'EX01 15.2.1748.10\nEX02 15.2.1748.10\nBE: Exchange 2019 CU15, same as above'],
    [
      'a DAG listing with the version in words',
      'Name          : DAG01\nServers       : {MBX01, MBX02}\nWitnessServer : FS01\n\nMBX01 and MBX02 are Exchange 2019 CU12, Windows Server 2019 Standard.',
    ],
    [
      'Get-ExchangeServer output above a typed line',
      'Name    ServerRole  AdminDisplayVersion\n----    ----------  -------------------\nEX01    Mailbox     Version 15.2 (Build 1748.10)\nEX02    Mailbox     Version 15.2 (Build 1748.10)\n\nEdge: Exchange 2019 CU15 in the DMZ',
    ],
  ];
  for (const [name, text] of listings) it(`keeps ${name} a listing`, () => assert.equal(kind(text), 'listing', text));
});
