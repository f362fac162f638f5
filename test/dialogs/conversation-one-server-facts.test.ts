import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (x21): facts about what shares one server or one cluster, said in everyday words, break the
 * design at once. Each was a wrong positive verdict (writer w5's set E): two roles "sharing one box" read
 * as two single servers, "no gui" read as the Desktop Experience, a SQL Server FCI on the DAG's cluster
 * left as an open condition, a witness on "one of the four" members read as a witness server, an Edge
 * server named as a DAG member split off as its own server, NLB "on those two" DAG members or cluster
 * nodes read as another group. Our own phrasings; the rule each one meets is named in the case.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  // edge-holds-no-other-role: "share one server", "on one box".
  [
    'Mailbox and Edge roles that share one server: Not supported, however the server count is answered',
    [['is it ok if the mailbox role and the edge role share one server? exchange 2019, tiny shop', { verdict: 'not-supported', says: ['Edge Transport role'] }]],
  ],
  [
    'SE: Edge and Mailbox roles share a box',
    [['exchange SE where the edge and mailbox roles share a single VM, 2022 standard', { verdict: 'not-supported', says: ['Edge Transport role'] }]],
  ],
  // An Edge server named as a DAG member would hold the Mailbox role (A-46; M-7: a DAG holds Mailbox servers).
  [
    'an Edge server as the third DAG member: Not supported, not split off as a server of its own',
    [['2019 DAG: MBX1, MBX2 and our EDGE01 (edge transport) as the third member, 2019 std', { verdict: 'not-supported', says: ['Edge Transport role'] }]],
  ],
  ['an Edge server in the DAG', [['SE DAG of 3 on 2025 standard, one edge server in the dag for resilience, no DCs', { verdict: 'not-supported' }]]],
  // exchange-2016-not-on-server-core (M-8): "no gui" is Server Core.
  [
    'Exchange 2016 on Windows without the GUI: Not supported',
    [['one exchange 2016 cu23 mailbox server, windows 2016 standard without a gui', { verdict: 'not-supported', says: ['Server Core'] }]],
  ],
  [
    'Exchange 2016 on "core (no gui)": Not supported',
    [['exchange 2016 CU23 standalone mailbox box on server 2016 datacenter, server core (no gui)', { verdict: 'not-supported', says: ['Server Core'] }]],
  ],
  // session 10 v22 (A-58, Microsoft's virtualization pages): Exchange data on NFS/NAS, dynamic memory or memory
  // overcommit, and VM snapshots are not supported for Exchange 2013 and later (w8-stated-17, -09, -16).
  [
    'Exchange 2016 databases on a NAS share over NFS: Not supported',
    [['exchange 2016 cu23 single mbx on 2016 std desktop exp, databases sit on a NAS share mapped over NFS', { verdict: 'not-supported', says: ['block-level storage'] }]],
  ],
  [
    'Exchange 2019 VM with memory overcommit: Not supported',
    [['exch 2019 cu15 single mailbox server on 2019 std, runs as a vmware vm with memory overcommit turned on', { verdict: 'not-supported', says: ['memory overcommit'] }]],
  ],
  [
    'Exchange SE with dynamic memory turned off: the verdict is not lowered',
    [['SE single mailbox server on 2025 std, a hyper-v guest with dynamic memory turned off', { verdict: 'supported' }]],
  ],
  [
    'Exchange 2010 databases on NFS: not covered (no page for 2010 read)',
    [['exchange 2010 sp3 single mailbox server on 2008 r2 sp1 enterprise, databases on an nfs share', { verdict: 'not-covered' }]],
  ],
  // session 11 (w9's red team): each was a wrong plain "Supported". A stated edition that was taken back, or never read, left
  // the edition unknown, and the check assumed Standard or Datacenter.
  [
    'an edition corrected later in the message ("2022 standard ... it is 2022 ESSENTIALS, not standard"): Not supported',
    [["SE single mailbox server, windows server 2022 standard. correction from the build sheet: it's 2022 ESSENTIALS, not standard", { verdict: 'not-supported' }]],
  ],
  ['"not standard but essentials": Not supported', [['SE single mailbox on windows 2022 - not standard but essentials', { verdict: 'not-supported' }]]],
  [
    'Windows Server 2012 R2 Foundation (rule windows-foundation-no-exchange-host): Not supported',
    [['exchange 2013 cu23 single server mbx+cas on windows server 2012 r2 foundation', { verdict: 'not-supported', says: ['Foundation'] }]],
  ],
  [
    'Exchange 2003 on "the sixty-four bit edition": Not supported',
    [['exchange 2003 sp2 back-end on windows server 2003 r2 enterprise, the sixty-four bit edition, single server', { verdict: 'not-supported' }]],
  ],
  [
    'SE databases directly on an SMB 3.0 share: Not supported (A-58)',
    [
      [
        'exchange SE single mailbox server, 2025 std, the databases are stored directly on an SMB 3.0 share, no vhdx in between',
        { verdict: 'not-supported', says: ['block-level storage'] },
      ],
    ],
  ],
  [
    "fixed VHDX files on an SMB 3.0 share, the pages' exception: not lowered",
    [['SE single mailbox server on 2025 std, a hyper-v vm with fixed vhdx files on an smb 3.0 share', { verdict: 'supported' }]],
  ],
  [
    'SE on an Azure VM with Standard HDD disks: Not supported (A-38)',
    [
      [
        'SE single mailbox server on an azure vm (2025 datacenter), databases and logs on standard HDD managed disks to save money',
        { verdict: 'not-supported', says: ['Premium Storage'] },
      ],
    ],
  ],
  // session 10 v22 (A-55, A-59 until session 11): the Windows Cloud Witness under a DAG is not supported (2019 and earlier; SE by M-11),
  // asked as a yes-no question too (it was "Yes, with conditions" from the Azure VM answer).
  [
    'an SE DAG with an Azure Cloud Witness: Not supported, and "2016+" is no Windows release of the members',
    [
      [
        'SE dag of 2 on 2022 std, members not DCs, witness is an azure cloud witness (the windows 2016+ cluster feature)',
        { verdict: 'not-supported', says: ['Cloud Witness'], notSays: ['same operating system'] },
      ],
    ],
  ],
  [
    // Merged session 10: q20's general rule (A-55) answers the question directly ("No: ..."), the check's limit (A-55 too since session 11) judges it in a design.
    'the Azure Cloud Witness for a 2019 DAG asked as "supported right?": No',
    [["we use the azure cloud witness for our 2019 dag, that's supported right?", { headline: 'No: ', says: ['Cloud Witness'], notSays: ['Yes, with conditions'] }]],
  ],
  [
    'an Azure VM as the file share witness stays a witness server',
    [['exchange 2019 cu15 dag of 2 on 2019 std, not DCs, the file share witness is on an azure vm', { verdict: 'supported-with-conditions', notSays: ['Cloud Witness'] }]],
  ],
  // session 10 v22: a hypervisor is where the Exchange server runs, not another product (w8-stated-16, -after-22, -after-48).
  [
    'hourly vmware snapshots of a 2019 mailbox vm: checked, Not supported (A-58)',
    [["2019 cu15 single mailbox vm on 2019 std, we take hourly vmware snapshots of it as our 'backup'", { verdict: 'not-supported', says: ['snapshots'] }]],
  ],
  ['a 2016 server that is a hyper-v vm: checked', [["2016 cu23 mailbox single on 2016 std desktop exp, it's a hyper-v vm", { verdict: 'supported' }]]],
  [
    'run as a vmware vm after a verdict: the verdict stands; vmware licensing stays out of scope',
    [
      ['SE single mbx on 2025 std', { verdict: 'supported' }],
      ["we'll run it as a vmware vm, is that fine?", { verdict: 'supported', says: ['stands'], notSays: ['outside what I cover'] }],
      ['can you help with our vmware licensing renewal?', { says: ['outside what I cover'] }],
    ],
  ],
  // dag-cluster-serves-only-the-dag (M-5): a SQL Server FCI asked about in the first message.
  [
    "a SQL Server FCI on the DAG's failover cluster: Not supported",
    [
      [
        'SE DAG with two members on 2022 standard, FSW on a file server, no DCs. can that failover cluster also run a SQL Server FCI?',
        { verdict: 'not-supported', says: ['serves the DAG only'] },
      ],
    ],
  ],
  // Witness on a member (M-14): "one of the four" closing its clause.
  [
    'a witness on one of the four members: an even DAG without a witness server',
    [['exchange SE DAG, 4 members on 2025 standard, no DCs, witness on EXSE2 (one of the four)', { verdict: 'not-supported' }]],
  ],
  [
    'a witness on one of the four sites stays a witness server',
    [['exchange SE DAG, 4 members on 2025 standard, no DCs, witness in one of the four sites', { verdict: 'supported-with-conditions' }]],
  ],
  // no-windows-nlb-on-clustered-servers (C10, D-6): NLB "on those two" DAG members or cluster nodes.
  [
    'Exchange 2013 CAS+Mailbox DAG members with Windows NLB on those two: Not supported',
    [
      [
        'exchange 2013 cu23, two servers with cas and mailbox in one DAG, we also put windows nlb on those two. 2012 R2 standard, no DCs, witness on a file server',
        { verdict: 'not-supported', says: ['Windows NLB'] },
      ],
    ],
  ],
  [
    'Exchange 2003 front-ends with NLB that are also the back-end cluster nodes: Not supported',
    [
      [
        'exchange 2003 sp2: two front-end servers behind nlb, and the same boxes are also the nodes of our back-end cluster. windows 2003 enterprise, exchange enterprise, 32-bit',
        { verdict: 'not-supported' },
      ],
    ],
  ],
  // exchange-2007-only-mailbox-is-clustered (L1, E7-9): Client Access together with Mailbox on the SCC cluster.
  [
    'Exchange 2007 CAS and Mailbox together on a single copy cluster: Not supported',
    [['exchange 2007 sp3, cas and mailbox roles together on our scc cluster, 2 nodes, windows 2008 enterprise x64', { verdict: 'not-supported' }]],
  ],
  // edge-not-a-domain-controller (M-7): a read-only domain controller is a domain controller.
  [
    'an Edge server on an RODC: Not supported without asking about high availability',
    [['exchange 2019 cu15 edge transport on the RODC in our perimeter network', { verdict: 'not-supported', notAsks: ['ha'] }]],
  ],
  // session 12 (lead, limit unjudged-mentioned, A-52): a topic with Microsoft requirements of its own that no rule reads
  // was dropped and the SE server read a plain Supported (w9-red-122 "snapshots every hour"). Now it is a condition.
  [
    'SE with TLS 1.0 and 1.1 turned off: Supported with conditions naming the network settings, never plain Supported',
    [['exchange se single mailbox server, windows server 2022 standard, tls 1.0 and 1.1 turned off', { verdict: 'supported-with-conditions', says: ['network settings'] }]],
  ],
  [
    'SQL Server installed beside SE on its server: a condition, not a plain Supported',
    [['SE single mailbox on 2025 std with sql server express installed on the same box', { verdict: 'supported-with-conditions', says: ['other software'] }]],
  ],
  [
    'an SE VM in a docker container: a condition',
    [
      [
        'exchange se single mailbox server on windows server 2025 standard running inside a docker container',
        { verdict: 'supported-with-conditions', says: ['virtualization settings'] },
      ],
    ],
  ],
  // exchange-no-office-server-on-the-same-server: an Office server product on the Exchange server; on a server of its own it is no fact.
  [
    'SharePoint installed on the same server as SE: Not supported',
    [['SE single mailbox server on 2025 std with sharepoint installed on the same server', { verdict: 'not-supported', says: ['Office server products'] }]],
  ],
  ['SharePoint on a server of its own beside SE: not lowered', [['SE single mailbox on 2025 std, sharepoint on its own server', { verdict: 'supported' }]]],
  // exchange-not-on-the-virtualization-host: only management software on a hypervisor host.
  [
    'SE installed on the Hyper-V host that runs other VMs: Not supported',
    [['exchange se single server 2025 std, the machine is also a hyper-v host running 4 other vms', { verdict: 'not-supported', says: ['management software'] }]],
  ],
  [
    'the Exchange install path on a network drive, a third-party archiving agent: conditions, never plain Supported',
    [
      [
        'exchange se single mailbox server on 2025 std with the exchange install path on a network drive',
        { verdict: 'supported-with-conditions', says: ['file system or volume settings'] },
      ],
      ['exchange se single mailbox on windows server 2025 std, third-party mail archiving agent installed', { verdict: 'supported-with-conditions', says: ['other software'] }],
    ],
  ],
  [
    'a VM, backups and antivirus alone (supported in general) are named back, the verdict not lowered',
    [['SE single mailbox server on 2025 std, a vmware vm backed up with veeam, defender as antivirus', { verdict: 'supported', says: ['also mentioned'] }]],
  ],
  // session 12 v1 (w9's red team: each was a wrong plain "Supported" under SE or a retired version): platform facts Microsoft's
  // virtualization, storage, system requirement pages judge, and desktop
  // hypervisors (A-69, recalled). Not supported where the pages refuse, with conditions where they only recommend, Not
  // covered for Exchange 2010 and earlier (no page read); the controls are not lowered.
  [
    'SE, 16 cores and 48 vCPUs in total (3:1): Not supported',
    [['SE single mailbox vm on vmware, 2025 std guest. the esxi host has 16 cores and its guests have 48 vCPUs in total', { verdict: 'not-supported', says: ['2:1'] }]],
  ],
  ['2019, "vcpu ratio 3:1": Not supported', [['exchange 2019 cu15 single mailbox vm on 2019 std, the host runs a vcpu ratio of 3:1', { verdict: 'not-supported', says: ['2:1'] }]]],
  ['SE, "4 vcpus per core": Not supported', [['SE single mailbox vm on 2025 std, our esxi cluster is sized at 4 vcpus per core', { verdict: 'not-supported' }]]],
  ['SE, oversubscribed CPU: Not supported', [['SE single mailbox vm on 2025 std; the hosts run oversubscribed cpu', { verdict: 'not-supported' }]]],
  ['SE, "2 vcpus per physical core": not lowered', [['SE single mailbox vm on 2025 std, 2 vcpus per physical core on the host', { verdict: 'supported' }]]],
  [
    'SE VM resuming from saved state after host failover: Not supported',
    [['SE single mailbox vm on a hyper-v cluster, 2025 std guest; on host failover the vm resumes from saved state', { verdict: 'not-supported', says: ['saved state'] }]],
  ],
  [
    'SE in VirtualBox: Not supported (recalled)',
    [["SE single mailbox on 2025 std, running as a virtualbox vm on the admin's workstation", { verdict: 'not-supported', says: ['VirtualBox'] }]],
  ],
  [
    '2016 in VMware Workstation: Not supported',
    [['exchange 2016 cu23 single mailbox on 2016 std desktop exp inside vmware workstation', { verdict: 'not-supported', headline: 'Out of support' }]],
  ],
  ['2010 in VirtualBox: Not covered (no 2010 page read)', [['exchange 2010 sp3 single mailbox server on 2008 r2 sp1 standard, a virtualbox vm', { verdict: 'not-covered' }]]],
  [
    'SE installed on a ReFS volume: Not supported',
    [['SE single mailbox server on 2022 std; exchange is installed on the E: volume, which is ReFS', { verdict: 'not-supported', says: ['ReFS'] }]],
  ],
  [
    'SE binaries on NTFS, databases on ReFS: not lowered',
    [['SE single mailbox server on 2022 std, binaries on NTFS, the databases and logs on ReFS volumes', { verdict: 'supported' }]],
  ],
  [
    "SE, forest functional level 2008 R2 (not read as the server's Windows): Not supported",
    [['SE single mailbox on 2025 std. forest functional level is windows server 2008 r2 still', { verdict: 'not-supported', says: ['forest functional level'] }]],
  ],
  ['2019, "FFL 2012 R2": not lowered', [['exchange 2019 cu15 single mailbox on 2019 std, ffl 2012 r2', { verdict: 'supported', headline: 'Out of support' }]]],
  [
    '2016 in a 2008 forest: Not supported',
    [['exchange 2016 cu23 single mailbox on 2016 std desktop exp, our forest functional level is 2008', { verdict: 'not-supported', headline: 'Out of support' }]],
  ],
  // session 13 (lead): a client release of Windows as the host was read as nothing ("not sure I understood"; A-79).
  ['SE on Windows 11 for a lab: Not supported', [['exchange se on windows 11 for a lab', { verdict: 'not-supported', says: ['Windows Server'] }]]],
  [
    '2013 on a Windows 8.1 workstation: Not supported',
    [['we installed exchange 2013 on a windows 8.1 workstation, single server', { verdict: 'not-supported', headline: 'Out of support', says: ['Windows Server'] }]],
  ],
  ['SE, IPv6 only: Not supported', [['SE single mailbox on 2022 std, ipv4 disabled, we are an ipv6-only shop', { verdict: 'not-supported', says: ['IPv4'] }]]],
  [
    '2016, NTFS compression on the database volume: Not supported',
    [
      [
        '2016 cu23 single mailbox server on 2016 std desktop exp; we turned on ntfs compression on the database volume to save space',
        { verdict: 'not-supported', headline: 'Out of support', says: ['NTFS compression'] },
      ],
    ],
  ],
  [
    '2019, EFS on the edb and logs: Not supported',
    [
      [
        '2019 cu15 single mailbox on 2019 std; the edb and log folders are encrypted with EFS for compliance',
        { verdict: 'not-supported', headline: 'Out of support', says: ['EFS'] },
      ],
    ],
  ],
  ['SE, BitLocker on the database volumes: not lowered', [['SE single mailbox on 2025 std; the database volumes are encrypted with bitlocker', { verdict: 'supported' }]]],
  [
    'SE, Windows data deduplication on the database volume: Not supported',
    [['SE single mailbox on 2022 std; windows data deduplication is enabled on the volume with the mailbox databases', { verdict: 'not-supported', says: ['deduplication'] }]],
  ],
  ['SE, deduplication on the SAN: not lowered', [['SE single mailbox on 2022 std; the array does inline dedup on the san', { verdict: 'supported' }]]],
  [
    '2010, OS dedup on the database volume: Not covered',
    [['exchange 2010 sp3 single mailbox on 2008 r2 sp1 standard, windows dedup on the database volume', { verdict: 'not-covered' }]],
  ],
  [
    'SE, disk write caching on and no UPS: Not supported',
    [["SE single mailbox on 2025 std, physical box, disk write caching is on and there's no UPS", { verdict: 'not-supported', says: ['UPS'] }]],
  ],
  ['SE, write caching on with a UPS: not lowered', [['SE single mailbox on 2025 std, physical box on a UPS, disk write caching is on', { verdict: 'supported' }]]],
  [
    'SE, a controller cache without a battery: with conditions (a recommendation)',
    [['SE single mailbox on 2025 std, physical box, the raid controller has no battery backed cache', { verdict: 'supported-with-conditions', says: ['battery'] }]],
  ],
  ['SE, a 20 TB database: Not supported', [['SE single mailbox on 2025 std with one 20 TB mailbox database', { verdict: 'not-supported', says: ['16 terabytes'] }]]],
  [
    'SE single server, a 500 GB database: with conditions (200 GB recommended)',
    [['SE single mailbox on 2025 std, one 500 GB mailbox database', { verdict: 'supported-with-conditions', says: ['200 GB'] }]],
  ],
  [
    'SE single server, databases on a 20 TB volume: not read as a database size',
    [['SE single mailbox on 2025 std, databases on a 20 TB volume of 150 GB each', { verdict: 'supported' }]],
  ],
  [
    'SE VM with snapshots every hour: Not supported',
    [["SE single mailbox on 2025 std, it's not a physical box, it's a vmware vm with snapshots every hour", { verdict: 'not-supported', says: ['snapshots'] }]],
  ],
  // Asked as yes-no questions (w9's question set Q): the limit answers "No"; the core of a vCPU ratio is no Server Core.
  ['"is a 3:1 vcpu to core ratio ok for exchange 2019 vms?": No', [['is a 3:1 vcpu to core ratio ok for exchange 2019 vms?', { headline: 'No: ', says: ['2:1'] }]]],
  [
    '"is forest functional level 2008 r2 enough for exchange 2019?": No',
    [['is forest functional level 2008 r2 enough for exchange 2019?', { headline: 'No: ', says: ['2012 R2'] }]],
  ],
  [
    '"is ReFS fine for the drive that holds the exchange 2019 binaries?": No',
    [['is ReFS fine for the drive that holds the exchange 2019 binaries?', { headline: 'No: ', says: ['NTFS'] }]],
  ],
  [
    '"can exchange SE run as a virtualbox vm?": No, not the hypervisor general rule\'s "Yes, with conditions"',
    [['can exchange SE run as a virtualbox vm?', { headline: 'No: ', says: ['VirtualBox'], notSays: ['Yes, with conditions'] }]],
  ],
  [
    '2016 with "2 vcpus per core": the core is no Server Core (Supported)',
    [['2016 cu23 single mailbox on 2016 std desktop exp, 2 vcpus per core', { verdict: 'supported', headline: 'Out of support' }]],
  ],
  // exchange-2013-datacenter-windows-2008-r2-no-sp: "never got sp1" is Windows's RTM.
  [
    '2013 on 2008 R2 Datacenter that "never got sp1": Not covered (the two pages differ)',
    [
      [
        'exchange 2013 cu23 single server (mailbox + client access) on windows server 2008 r2 datacenter, never got sp1 - datacenter is fine from rtm, right?',
        { verdict: 'not-covered', headline: 'Out of support' },
      ],
    ],
  ],
];

describe('conversation (issue 21): what shares one server or one cluster', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
