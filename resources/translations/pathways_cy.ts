<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Pathways</source>
        <translation>Ynghylch Pathways</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pathways {version}&lt;/b&gt;&lt;br&gt;Case management for restorative justice and diversion schemes.&lt;br&gt;&lt;br&gt;Database: {database}&lt;br&gt;Data folder (backups): {folder}&lt;br&gt;Python {python}</source>
        <translation>&lt;b&gt;Pathways {version}&lt;/b&gt;&lt;br&gt;Rheoli achosion ar gyfer cynlluniau cyfiawnder adferol a dargyfeirio.&lt;br&gt;&lt;br&gt;Cronfa ddata: {database}&lt;br&gt;Ffolder data (copïau wrth gefn): {folder}&lt;br&gt;Python {python}</translation>
    </message>
    <message>
        <source>Licences of the parts Pathways ships:</source>
        <translation>Trwyddedau&apos;r rhannau sy&apos;n dod gyda Pathways:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Trwyddedau</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Encrypted database</source>
        <extracomment>The automatic backup is taken at most once in this many hours.</extracomment>
        <translation>Cronfa ddata wedi&apos;i hamgryptio</translation>
    </message>
    <message>
        <source>This database is encrypted. Its passphrase:</source>
        <translation>Mae&apos;r gronfa ddata hon wedi&apos;i hamgryptio. Ei chyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Automatic backup made and checked</source>
        <translation>Copi wrth gefn awtomatig wedi&apos;i wneud a&apos;i wirio</translation>
    </message>
    <message>
        <source>The automatic backup failed: {message}</source>
        <translation>Methodd y copi wrth gefn awtomatig: {message}</translation>
    </message>
    <message>
        <source>The automatic backup failed ({error}).</source>
        <translation>Methodd y copi wrth gefn awtomatig ({error}).</translation>
    </message>
    <message>
        <source>Automatic backup: {percent}%</source>
        <translation>Copi wrth gefn awtomatig: {percent}%</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Appointments</source>
        <translation>Apwyntiadau</translation>
    </message>
    <message>
        <source>&amp;Book...</source>
        <translation>&amp;Trefnu...</translation>
    </message>
    <message>
        <source>&amp;Kept</source>
        <translation>&amp;Wedi dod</translation>
    </message>
    <message>
        <source>&amp;Missed</source>
        <translation>&amp;Heb ddod</translation>
    </message>
    <message>
        <source>&amp;Rearrange...</source>
        <translation>&amp;Aildrefnu...</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Bail condition</source>
        <translation>Amod mechnïaeth</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source> - no outcome yet</source>
        <translation> - dim canlyniad eto</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Trefnu apwyntiad</translation>
    </message>
    <message>
        <source>This appointment is a condition of bail</source>
        <translation>Mae&apos;r apwyntiad hwn yn amod mechnïaeth</translation>
    </message>
    <message>
        <source>Select an appointment first.</source>
        <translation>Dewiswch apwyntiad yn gyntaf.</translation>
    </message>
    <message>
        <source>the appointment</source>
        <translation>yr apwyntiad</translation>
    </message>
    <message>
        <source>Record a missed appointment</source>
        <translation>Cofnodi apwyntiad a gollwyd</translation>
    </message>
    <message>
        <source>Record as missed</source>
        <translation>Cofnodi fel un a gollwyd</translation>
    </message>
    <message>
        <source>Rearrange the appointment</source>
        <translation>Aildrefnu&apos;r apwyntiad</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Amser newydd</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>{label}, {size_bytes:,} bytes, on {attached_to}. Added by {added_by} on {added_on:%d/%m/%Y %H:%M}.</source>
        <extracomment>Widest a page or photo is drawn before it is scaled down to fit.</extracomment>
        <translation>{label}, {size_bytes:,} beit, ar {attached_to}. Ychwanegwyd gan {added_by} ar {added_on:%d/%m/%Y %H:%M}.</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Argraffu...</translation>
    </message>
    <message>
        <source>Print the attachment on paper</source>
        <translation>Argraffu&apos;r atodiad ar bapur</translation>
    </message>
    <message>
        <source>&amp;Save a copy...</source>
        <translation>&amp;Cadw copi...</translation>
    </message>
    <message>
        <source>No preview on this computer ({exc}); save a copy to open it in another program.</source>
        <translation>Dim rhagolwg ar y cyfrifiadur hwn ({exc}); cadwch gopi i&apos;w agor mewn rhaglen arall.</translation>
    </message>
    <message>
        <source>This file cannot be shown here; save a copy to open it in another program.</source>
        <translation>Does dim modd dangos y ffeil hon yma; cadwch gopi i&apos;w hagor mewn rhaglen arall.</translation>
    </message>
    <message>
        <source>Page {n} of {title}</source>
        <translation>Tudalen {n} o {title}</translation>
    </message>
    <message>
        <source>Not printed: this file cannot be drawn here. Save a copy and print it from another program.</source>
        <translation>Heb ei argraffu: does dim modd llunio&apos;r ffeil hon yma. Cadwch gopi a&apos;i argraffu o raglen arall.</translation>
    </message>
    <message>
        <source>Sent to the printer: 1 page.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: 1 dudalen.</translation>
    </message>
    <message>
        <source>Sent to the printer: {pages} pages.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: {pages} tudalen.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Cadw copi</translation>
    </message>
    <message>
        <source>Not saved: {error}. Choose another folder.</source>
        <translation>Heb ei gadw: {error}. Dewiswch ffolder arall.</translation>
    </message>
    <message>
        <source>Saved to {target}.</source>
        <translation>Wedi&apos;i gadw yn {target}.</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Add a&amp;ttachment...</source>
        <translation>&amp;Ychwanegu atodiad...</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Agor</translation>
    </message>
    <message>
        <source>Re&amp;move...</source>
        <translation>&amp;Tynnu...</translation>
    </message>
    <message>
        <source>Attachments on the case</source>
        <translation>Atodiadau ar yr achos</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ychwanegwyd</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Ynghlwm wrth</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <source>{size:,.0f} KB</source>
        <translation>{size:,.0f} KB</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ychwanegwyd gan</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Tynnwyd</translation>
    </message>
    <message>
        <source>{day} by {who}: {reason}</source>
        <translation>{day} gan {who}: {reason}</translation>
    </message>
    <message>
        <source>The case as a whole</source>
        <translation>Yr achos cyfan</translation>
    </message>
    <message>
        <source>The outcome agreement</source>
        <translation>Y cytundeb canlyniad</translation>
    </message>
    <message>
        <source>Meeting on {day}</source>
        <translation>Cyfarfod ar {day}</translation>
    </message>
    <message>
        <source>Attach a scan or photo</source>
        <translation>Atodi sgan neu lun</translation>
    </message>
    <message>
        <source>{name} cannot be read: {strerror}.</source>
        <translation>Does dim modd darllen {name}: {strerror}.</translation>
    </message>
    <message>
        <source>Attach {name}</source>
        <translation>Atodi {name}</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Beth ydyw</translation>
    </message>
    <message>
        <source>Keep it under 200 characters.</source>
        <translation>Cadwch ef o dan 200 nod.</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Yn perthyn i</translation>
    </message>
    <message>
        <source>PDF, PNG or JPEG, at most 10 MB. The file is kept in the case record; the original can then be shredded.</source>
        <translation>PDF, PNG neu JPEG, 10 MB ar y mwyaf. Caiff y ffeil ei chadw yng nghofnod yr achos; gellir rhwygo&apos;r gwreiddiol wedyn.</translation>
    </message>
    <message>
        <source>Select an attachment first.</source>
        <translation>Dewiswch atodiad yn gyntaf.</translation>
    </message>
    <message>
        <source>Remove {title}</source>
        <translation>Tynnu {title}</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>The file is deleted from the case; the record that it was attached, by whom and why it was removed stays in History.</source>
        <translation>Caiff y ffeil ei dileu o&apos;r achos; mae&apos;r cofnod ei bod wedi&apos;i hatodi, gan bwy a pham y cafodd ei thynnu yn aros yn yr Hanes.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Save the diary</source>
        <translation>Cadw&apos;r dyddiadur</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendr (*.ics)</translation>
    </message>
    <message>
        <source>Export my diary</source>
        <translation>Allforio fy nyddiadur</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Enwau</translation>
    </message>
    <message>
        <source>put each person&apos;s name in the events</source>
        <translation>rhoi enw pob person yn y digwyddiadau</translation>
    </message>
    <message>
        <source>Off: each event shows the case reference and the place only, so a phone left on a desk shows nobody&apos;s name</source>
        <translation>I ffwrdd: mae pob digwyddiad yn dangos cyfeirnod yr achos a&apos;r lle yn unig, felly nid yw ffôn a adawyd ar ddesg yn dangos enw neb</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Cadw...</translation>
    </message>
    <message>
        <source>Your appointments, restorative meetings, follow-ups and agreement checks, as a calendar file your phone or Outlook can open.</source>
        <translation>Eich apwyntiadau, cyfarfodydd adferol, camau dilynol a gwiriadau cytundeb, fel ffeil calendr y gall eich ffôn neu Outlook ei hagor.</translation>
    </message>
</context>
<context>
    <name>CaseAttachments</name>
    <message>
        <source>Scans and photos (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Sganiau a lluniau (*.pdf *.png *.jpg *.jpeg);;Pob ffeil (*)</translation>
    </message>
</context>
<context>
    <name>CaseFollowups</name>
    <message>
        <source>Type the number of proven offences (0 to 99).</source>
        <translation>Teipiwch nifer y troseddau a brofwyd (0 i 99).</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Name, reference, date of birth, postcode, phone</source>
        <extracomment>How many matches a search shows, best first (more means the words should say more). Not loaded yet: the first page is read when the list is first shown (start-up).</extracomment>
        <translation>Enw, cyfeirnod, dyddiad geni, cod post, ffôn</translation>
    </message>
    <message>
        <source>Find anyone: part of a reference (0064), a first or last name or both, a date of birth, a postcode, a phone number or a crime reference. Enter opens the best match.</source>
        <translation>Dod o hyd i unrhyw un: rhan o gyfeirnod (0064), enw cyntaf neu gyfenw neu&apos;r ddau, dyddiad geni, cod post, rhif ffôn neu gyfeirnod trosedd. Mae Enter yn agor yr un sy&apos;n cyfateb orau.</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Chwilio achosion</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chwilio</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>Pob cynllun</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Gweithiwr</translation>
    </message>
    <message>
        <source>Any worker</source>
        <translation>Unrhyw weithiwr</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Any pathway</source>
        <translation>Unrhyw lwybr</translation>
    </message>
    <message>
        <source>Referred from</source>
        <translation>Atgyfeiriwyd o</translation>
    </message>
    <message>
        <source>Filter by referral date</source>
        <translation>Hidlo yn ôl dyddiad atgyfeirio</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Atgyfeiriwyd hyd at</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Rhagor o hidlau</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Search the &amp;notes for these words</source>
        <translation>Chwilio&apos;r &amp;nodiadau am y geiriau hyn</translation>
    </message>
    <message>
        <source>Full-text search of interventions and case notes</source>
        <translation>Chwilio testun llawn ymyriadau a nodiadau achos</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Unrhyw gam</translation>
    </message>
    <message>
        <source>More filters ({folded} set)</source>
        <translation>Rhagor o hidlau ({folded} wedi&apos;u gosod)</translation>
    </message>
    <message>
        <source>The best {FOUND_SHOWN} matches: type more to narrow the search.</source>
        <translation>Y {FOUND_SHOWN} sy&apos;n cyfateb orau: teipiwch ragor i gyfyngu&apos;r chwilio.</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 achos</translation>
    </message>
    <message>
        <source>{n:,} cases</source>
        <translation>{n:,} achos</translation>
    </message>
</context>
<context>
    <name>CaseMeetings</name>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Yn bresennol</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>Ddim yn bresennol</translation>
    </message>
    <message>
        <source>Type the number of calls (0 to 999).</source>
        <translation>Teipiwch nifer y galwadau (0 i 999).</translation>
    </message>
</context>
<context>
    <name>CasePeople</name>
    <message>
        <source>given</source>
        <translation>wedi&apos;i roi</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
</context>
<context>
    <name>CaseRecordDialog</name>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Heb ateb</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>na</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Cyfranogwr</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Gweithiwr</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <source>Crime ref.</source>
        <translation>Cyf. trosedd</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Trosedd</translation>
    </message>
    <message>
        <source>Restricted case: only its workers and coordinators see it.</source>
        <extracomment>Pages kept at most (a screenful is under one page; a few either side of it scroll without a query). Pages read from the database since the last reload (tests and the bench use it). While a search&apos;s results are shown: the rows found, best first, why each was found, and through which other party (None when listing).</extracomment>
        <translation>Achos cyfyngedig: dim ond ei weithwyr a&apos;r cydlynwyr sy&apos;n ei weld.</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Reload</source>
        <extracomment>The tabs in the order they appear; a tab whose ``applies`` says no is left out.</extracomment>
        <translation>Ail-lwytho</translation>
    </message>
    <message>
        <source>Parts of case {reference_}</source>
        <translation>Rhannau achos {reference_}</translation>
    </message>
    <message>
        <source>Tell the officer</source>
        <translation>Rhoi gwybod i&apos;r swyddog</translation>
    </message>
    <message>
        <source>The contract is breached. Write the letter to the referring officer now? You will see it before it is filed.</source>
        <translation>Mae&apos;r contract wedi&apos;i dorri. Ysgrifennu&apos;r llythyr at y swyddog a atgyfeiriodd nawr? Byddwch yn ei weld cyn iddo gael ei ffeilio.</translation>
    </message>
    <message>
        <source>Write the letter</source>
        <translation>Ysgrifennu&apos;r llythyr</translation>
    </message>
    <message>
        <source>Saved to case {reference}.</source>
        <translation>Wedi&apos;i gadw yn achos {reference}.</translation>
    </message>
    <message>
        <source>RESTRICTED</source>
        <translation>CYFYNGEDIG</translation>
    </message>
    <message>
        <source>{scheme} - stage: &lt;b&gt;{stage}&lt;/b&gt;</source>
        <translation>{scheme} - cam: &lt;b&gt;{stage}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Worker: {worker}</source>
        <translation>Gweithiwr: {worker}</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>heb ei neilltuo</translation>
    </message>
    <message>
        <source> (outcome: &lt;b&gt;{outcome}&lt;/b&gt;)</source>
        <translation> (canlyniad: &lt;b&gt;{outcome}&lt;/b&gt;)</translation>
    </message>
    <message>
        <source> (outcome: &lt;b&gt;{outcome}&lt;/b&gt;; agreement kept)</source>
        <translation> (canlyniad: &lt;b&gt;{outcome}&lt;/b&gt;; cadwyd at y cytundeb)</translation>
    </message>
    <message>
        <source> (outcome: &lt;b&gt;{outcome}&lt;/b&gt;; agreement not kept)</source>
        <translation> (canlyniad: &lt;b&gt;{outcome}&lt;/b&gt;; ni chadwyd at y cytundeb)</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Complaints</source>
        <translation>Cwynion</translation>
    </message>
    <message>
        <source>&amp;New complaint...</source>
        <translation>Cwyn &amp;newydd...</translation>
    </message>
    <message>
        <source>&amp;Acknowledged</source>
        <translation>&amp;Cydnabuwyd</translation>
    </message>
    <message>
        <source>A&amp;nswered...</source>
        <translation>&amp;Atebwyd...</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Ynghylch</translation>
    </message>
    <message>
        <source>Acknowledge by</source>
        <translation>Cydnabod erbyn</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Ateb erbyn</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atebwyd</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Record a complaint</source>
        <translation>Cofnodi cwyn</translation>
    </message>
    <message>
        <source>Case reference (if about a case)</source>
        <translation>Cyfeirnod yr achos (os yw&apos;n ymwneud ag achos)</translation>
    </message>
    <message>
        <source>Practitioner&apos;s user name (if about one)</source>
        <translation>Enw defnyddiwr yr ymarferydd (os yw&apos;n ymwneud ag un)</translation>
    </message>
    <message>
        <source>Choose a complaint first.</source>
        <translation>Dewiswch gwyn yn gyntaf.</translation>
    </message>
    <message>
        <source>Answer the complaint</source>
        <translation>Ateb y gŵyn</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Atebwyd ar</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Yr ateb</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>Cadarnhawyd</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>cadarnhawyd y gŵyn</translation>
    </message>
</context>
<context>
    <name>ConditionsTab</name>
    <message>
        <source>Conditions</source>
        <translation>Amodau</translation>
    </message>
    <message>
        <source>Add c&amp;ondition...</source>
        <translation>&amp;Ychwanegu amod...</translation>
    </message>
    <message>
        <source>Condition &amp;met...</source>
        <translation>&amp;Bodlonwyd yr amod...</translation>
    </message>
    <message>
        <source>Condition &amp;not met...</source>
        <translation>Ni &amp;fodlonwyd yr amod...</translation>
    </message>
    <message>
        <source>Conditions of bail and diversion</source>
        <translation>Amodau mechnïaeth a dargyfeirio</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Every condition on the partnership&apos;s list is on this case already.</source>
        <translation>Mae pob amod ar restr y bartneriaeth ar yr achos hwn yn barod.</translation>
    </message>
    <message>
        <source>Add a condition</source>
        <translation>Ychwanegu amod</translation>
    </message>
    <message>
        <source>Select a condition first.</source>
        <translation>Dewiswch amod yn gyntaf.</translation>
    </message>
    <message>
        <source>Condition met</source>
        <translation>Bodlonwyd yr amod</translation>
    </message>
    <message>
        <source>Condition not met</source>
        <translation>Ni fodlonwyd yr amod</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts of interest</source>
        <translation>Gwrthdaro buddiannau</translation>
    </message>
    <message>
        <source>Practitioners who know someone: they are not assigned to that person&apos;s cases.</source>
        <translation>Ymarferwyr sy&apos;n adnabod rhywun: nid ydynt yn cael eu neilltuo i achosion y person hwnnw.</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Ymarferydd</translation>
    </message>
    <message>
        <source>Knows</source>
        <translation>Yn adnabod</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Datganwyd</translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>D&amp;raw up contract...</source>
        <translation>&amp;Llunio&apos;r contract...</translation>
    </message>
    <message>
        <source>Contract si&amp;gned</source>
        <translation>Llo&amp;fnodwyd y contract</translation>
    </message>
    <message>
        <source>Log &amp;hours...</source>
        <translation>Cofnodi &amp;oriau...</translation>
    </message>
    <message>
        <source>Condition &amp;met</source>
        <translation>&amp;Bodlonwyd yr amod</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Cwblhau</translation>
    </message>
    <message>
        <source>&amp;Breach...</source>
        <translation>&amp;Torri amodau...</translation>
    </message>
    <message>
        <source>No contract yet.</source>
        <translation>Dim contract eto.</translation>
    </message>
    <message>
        <source>Contract conditions</source>
        <translation>Amodau&apos;r contract</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>{state} (victim declined)</source>
        <translation>{state} (gwrthododd y dioddefwr)</translation>
    </message>
    <message>
        <source>Community hours ledger</source>
        <translation>Cofnod oriau cymunedol</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Oriau</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <source>No contract yet. Draw one up after the eligibility decision and the start needs assessment.</source>
        <translation>Dim contract eto. Lluniwch un ar ôl y penderfyniad cymhwysedd a&apos;r asesiad o anghenion cychwynnol.</translation>
    </message>
    <message>
        <source>its four months ended on {day}; record completion or breach</source>
        <translation>daeth ei bedwar mis i ben ar {day}; cofnodwch ei gwblhau neu ei dorri</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>1 diwrnod ar ôl</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>{days} diwrnod ar ôl</translation>
    </message>
    <message>
        <source>Contract {status}: {start} to {end} ({left})</source>
        <translation>Contract {status}: {start} i {end} ({left})</translation>
    </message>
    <message>
        <source>; community hours {done} of {required}</source>
        <translation>; oriau cymunedol {done} o {required}</translation>
    </message>
    <message>
        <source>Breach: {reason}</source>
        <translation>Torri amodau: {reason}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Choose the pathway of intervention {n}.</source>
        <translation>Dewiswch lwybr ymyriad {n}.</translation>
    </message>
    <message>
        <source>Draw up the contract</source>
        <translation>Llunio&apos;r contract</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Dyddiad dechrau</translation>
    </message>
    <message>
        <source>Victim condition</source>
        <translation>Amod y dioddefwr</translation>
    </message>
    <message>
        <source>Restorative approach if the victim wishes</source>
        <translation>Dull adferol os yw&apos;r dioddefwr yn dymuno</translation>
    </message>
    <message>
        <source>Pathway intervention 1</source>
        <translation>Ymyriad llwybr 1</translation>
    </message>
    <message>
        <source>What, for intervention 1</source>
        <translation>Beth, ar gyfer ymyriad 1</translation>
    </message>
    <message>
        <source>Pathway intervention 2</source>
        <translation>Ymyriad llwybr 2</translation>
    </message>
    <message>
        <source>What, for intervention 2</source>
        <translation>Beth, ar gyfer ymyriad 2</translation>
    </message>
    <message>
        <source>Fifth condition</source>
        <translation>Pumed amod</translation>
    </message>
    <message>
        <source>Community hours</source>
        <translation>Oriau cymunedol</translation>
    </message>
    <message>
        <source>Electronic tag</source>
        <translation>Tag electronig</translation>
    </message>
    <message>
        <source>Community hours (18-36)</source>
        <translation>Oriau cymunedol (18-36)</translation>
    </message>
    <message>
        <source>Community hours are 18 to 36.</source>
        <translation>Mae oriau cymunedol rhwng 18 a 36.</translation>
    </message>
    <message>
        <source>&apos;No reoffending&apos; is always condition 1. The contract lasts four months from the start date.</source>
        <translation>&apos;Dim aildroseddu&apos; yw amod 1 bob amser. Mae&apos;r contract yn para pedwar mis o&apos;r dyddiad dechrau.</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>Llofnodwyd y contract</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Llofnodwyd ar</translation>
    </message>
    <message>
        <source>Log community hours</source>
        <translation>Cofnodi oriau cymunedol</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Gwaith a wnaed</translation>
    </message>
    <message>
        <source>Select a condition first.</source>
        <translation>Dewiswch amod yn gyntaf.</translation>
    </message>
    <message>
        <source>Complete the contract</source>
        <translation>Cwblhau&apos;r contract</translation>
    </message>
    <message>
        <source>The case is marked completed.</source>
        <translation>Caiff yr achos ei nodi&apos;n un a gwblhawyd.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Cwblhau</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>The indicators could not be computed ({error}).</source>
        <translation>Nid oedd modd cyfrifo&apos;r dangosyddion ({error}).</translation>
    </message>
    <message>
        <source>No figures.</source>
        <translation>Dim ffigurau.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ddim yn hysbys</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Scheme</source>
        <extracomment>A new report is on screen (after each computation).</extracomment>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>Pob cynllun</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Gweithiwr</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Pob gweithiwr</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Dangos</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Save &amp;board report...</source>
        <translation>Cadw adroddiad y &amp;bwrdd...</translation>
    </message>
    <message>
        <source>Save the board report as PDF</source>
        <translation>Cadw adroddiad y bwrdd fel PDF</translation>
    </message>
    <message>
        <source>&amp;Print board report...</source>
        <translation>&amp;Argraffu adroddiad y bwrdd...</translation>
    </message>
    <message>
        <source>Print the board report on paper</source>
        <translation>Argraffu adroddiad y bwrdd ar bapur</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Dangosyddion</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Dangosydd</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Sail</translation>
    </message>
    <message>
        <source>Choose a figure to see the cases behind it.</source>
        <translation>Dewiswch ffigur i weld yr achosion y tu ôl iddo.</translation>
    </message>
    <message>
        <source>Cases behind the figure</source>
        <translation>Achosion y tu ôl i&apos;r ffigur</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Cyfnod o</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Cyfnod hyd at</translation>
    </message>
    <message>
        <source>Chart (being computed)</source>
        <translation>Siart (wrthi&apos;n cael ei gyfrifo)</translation>
    </message>
    <message>
        <source>The figures are being computed.</source>
        <translation>Mae&apos;r ffigurau&apos;n cael eu cyfrifo.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Siart</translation>
    </message>
    <message>
        <source>Enter the period&apos;s dates.</source>
        <translation>Rhowch ddyddiadau&apos;r cyfnod.</translation>
    </message>
    <message>
        <source>Computing the indicators...</source>
        <translation>Wrthi&apos;n cyfrifo&apos;r dangosyddion...</translation>
    </message>
    <message>
        <source>Save the board report</source>
        <translation>Cadw adroddiad y bwrdd</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Board report</source>
        <translation>Adroddiad y bwrdd</translation>
    </message>
    <message>
        <source>Drawing the board report...</source>
        <translation>Wrthi&apos;n llunio adroddiad y bwrdd...</translation>
    </message>
    <message>
        <source>Saved to {saved}.</source>
        <translation>Wedi&apos;i gadw yn {saved}.</translation>
    </message>
    <message>
        <source>Sent to the printer: 1 page.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: 1 dudalen.</translation>
    </message>
    <message>
        <source>Sent to the printer: {pages} pages.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: {pages} tudalen.</translation>
    </message>
    <message>
        <source>As known on {day}</source>
        <translation>Fel yr oedd yn hysbys ar {day}</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>Siart: {title}</translation>
    </message>
    <message>
        <source>Choose a figure, or a bar, to see the cases behind it.</source>
        <translation>Dewiswch ffigur, neu far, i weld yr achosion y tu ôl iddo.</translation>
    </message>
    <message>
        <source>{reference} (in the total only)</source>
        <translation>{reference} (yn y cyfanswm yn unig)</translation>
    </message>
    <message>
        <source>{label}; double-click to open</source>
        <translation>{label}; cliciwch ddwywaith i agor</translation>
    </message>
    <message>
        <source>{n} restricted case(s) are counted in this figure but not listed.</source>
        <translation>Achosion cyfyngedig sy&apos;n cael eu cyfrif yn y ffigur hwn ond heb eu rhestru: {n}.</translation>
    </message>
    <message>
        <source>{title}
No cases behind this figure.</source>
        <translation>{title}
Dim achosion y tu ôl i&apos;r ffigur hwn.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Not known</source>
        <translation>Ddim yn hysbys</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/bbbb</translation>
    </message>
    <message>
        <source>A date such as 3/12/2026, 3/12, today, tomorrow or +7</source>
        <translation>Dyddiad fel 3/12/2026, 3/12, today (heddiw), tomorrow (yfory) neu +7</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Dewis o galendr (Alt+Saeth i lawr)</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>Dewis o galendr</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Rhowch ddyddiad.</translation>
    </message>
    <message>
        <source>{name}: choose from a calendar</source>
        <translation>{name}: dewis o galendr</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>hh:mm</source>
        <translation>aa:mm</translation>
    </message>
    <message>
        <source>A time such as 14:30 or 2:30pm</source>
        <translation>Amser fel 14:30 neu 2:30pm</translation>
    </message>
    <message>
        <source>at</source>
        <translation>am</translation>
    </message>
    <message>
        <source>{name}: date</source>
        <translation>{name}: dyddiad</translation>
    </message>
    <message>
        <source>{name}: time</source>
        <translation>{name}: amser</translation>
    </message>
    <message>
        <source>Enter a time.</source>
        <translation>Rhowch amser.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document for {reference}</source>
        <translation>Dogfen ar gyfer {reference}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Derbynnydd</translation>
    </message>
    <message>
        <source>The usual recipient for this document</source>
        <translation>Derbynnydd arferol y ddogfen hon</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Fformat</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>The recipient&apos;s own language</source>
        <translation>Iaith y derbynnydd ei hun</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Dogfen</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>De&amp;rbynnydd</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Fformat</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <extracomment>the language the preview is in, and why, when it is not the reader&apos;s own</extracomment>
        <translation>&amp;Rhagolwg</translation>
    </message>
    <message>
        <source>&amp;File on the case</source>
        <translation>Ff&amp;eilio ar yr achos</translation>
    </message>
    <message>
        <source>&amp;Save a copy as PDF...</source>
        <translation>&amp;Cadw copi fel PDF...</translation>
    </message>
    <message>
        <source>P&amp;rint...</source>
        <translation>&amp;Argraffu...</translation>
    </message>
    <message>
        <source>Print the filed copy on paper</source>
        <translation>Argraffu&apos;r copi a ffeiliwyd ar bapur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>&amp;Calendar file...</source>
        <translation>Ffeil ca&amp;lendr...</translation>
    </message>
    <message>
        <source>The appointments in this letter as a calendar file (.ics) for her phone</source>
        <translation>Yr apwyntiadau yn y llythyr hwn fel ffeil calendr (.ics) ar gyfer ffôn y derbynnydd</translation>
    </message>
    <message>
        <source>Disclosed to (person)</source>
        <translation>Datgelwyd i (person)</translation>
    </message>
    <message>
        <source>Person: blank for the usual recipient</source>
        <translation>Person: gadewch yn wag ar gyfer y derbynnydd arferol</translation>
    </message>
    <message>
        <source>Disclosed to (organisation)</source>
        <translation>Datgelwyd i (sefydliad)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Sail gyfreithlon</translation>
    </message>
    <message>
        <source>The usual basis for this document</source>
        <translation>Y sail arferol ar gyfer y ddogfen hon</translation>
    </message>
    <message>
        <source>Disclosed &amp;to</source>
        <translation>Datgel&amp;wyd i</translation>
    </message>
    <message>
        <source>Lawful &amp;basis</source>
        <translation>&amp;Sail gyfreithlon</translation>
    </message>
    <message>
        <source>In Welsh and English (Welsh first), as the Welsh Language Standards ask.</source>
        <translation>Yn Gymraeg ac yn Saesneg (y Gymraeg yn gyntaf), fel y mae Safonau&apos;r Gymraeg yn gofyn.</translation>
    </message>
    <message>
        <source>In {language}, the recipient&apos;s language.</source>
        <translation>Iaith y derbynnydd: {language}.</translation>
    </message>
    <message>
        <source>No page preview on this computer ({exc}); the document itself is fine: file it or save a copy.</source>
        <translation>Dim rhagolwg o&apos;r tudalennau ar y cyfrifiadur hwn ({exc}); mae&apos;r ddogfen ei hun yn iawn: ffeiliwch hi neu cadwch gopi.</translation>
    </message>
    <message>
        <source>Page {n} of the preview</source>
        <translation>Tudalen {n} o&apos;r rhagolwg</translation>
    </message>
    <message>
        <source>Filed on the case {reference}: {title}. Print it or save a copy if it is to be sent.</source>
        <translation>Wedi&apos;i ffeilio ar achos {reference}: {title}. Argraffwch hi neu cadwch gopi os oes angen ei hanfon.</translation>
    </message>
    <message>
        <source>Save her calendar file</source>
        <translation>Cadw ffeil calendr y derbynnydd</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendr (*.ics)</translation>
    </message>
    <message>
        <source>Not saved: {error}. Choose another folder.</source>
        <translation>Heb ei gadw: {error}. Dewiswch ffolder arall.</translation>
    </message>
    <message>
        <source>Calendar file saved to {target}: send it with the letter.</source>
        <translation>Ffeil calendr wedi&apos;i chadw yn {target}: anfonwch hi gyda&apos;r llythyr.</translation>
    </message>
    <message>
        <source>Sent to the printer: 1 page.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: 1 dudalen.</translation>
    </message>
    <message>
        <source>Sent to the printer: {pages} pages.</source>
        <translation>Wedi&apos;i hanfon i&apos;r argraffydd: {pages} tudalen.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Cadw copi</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {target}.</source>
        <translation>Wedi&apos;i gadw yn {target}.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>The recipient&apos;s preference</source>
        <translation>Dewis y derbynnydd</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Easy read</source>
        <translation>Hawdd ei ddeall</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Print bras</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Ailargraffu</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Appointment letters for next week</source>
        <translation>Llythyrau apwyntiad ar gyfer yr wythnos nesaf</translation>
    </message>
    <message>
        <source>Preparing appointment letters...</source>
        <translation>Wrthi&apos;n paratoi llythyrau apwyntiad...</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Dogfennau</translation>
    </message>
    <message>
        <source>&amp;Generate document...</source>
        <translation>&amp;Creu dogfen...</translation>
    </message>
    <message>
        <source>&amp;Reprint...</source>
        <translation>A&amp;ilargraffu...</translation>
    </message>
    <message>
        <source>Reprint the selected document</source>
        <translation>Ailargraffu&apos;r ddogfen a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Argraffu...</translation>
    </message>
    <message>
        <source>Print the selected document on paper</source>
        <translation>Argraffu&apos;r ddogfen a ddewiswyd ar bapur</translation>
    </message>
    <message>
        <source>Documents filed on the case</source>
        <translation>Dogfennau a ffeiliwyd ar yr achos</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Crëwyd</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Ar gyfer</translation>
    </message>
    <message>
        <source>Disclosed to</source>
        <translation>Datgelwyd i</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>heb ei gofnodi</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Fformat</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templed</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Dewiswch ddogfen yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>ExpensesDialog</name>
    <message>
        <source>Expenses</source>
        <translation>Treuliau</translation>
    </message>
    <message>
        <source>&amp;Claim...</source>
        <translation>&amp;Hawlio...</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Cymeradwyo</translation>
    </message>
    <message>
        <source>&amp;Refuse...</source>
        <translation>&amp;Gwrthod...</translation>
    </message>
    <message>
        <source>Mark &amp;paid</source>
        <translation>Nodi wedi&apos;i &amp;dalu</translation>
    </message>
    <message>
        <source>&amp;Export for finance...</source>
        <translation>&amp;Allforio ar gyfer cyllid...</translation>
    </message>
    <message>
        <source>Expense claims</source>
        <translation>Hawliadau treuliau</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Hawliad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Swm</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Ar gyfer</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Claim an expense</source>
        <translation>Hawlio treuliau</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Cyfeirnod yr achos</translation>
    </message>
    <message>
        <source>Miles (mileage)</source>
        <translation>Milltiroedd</translation>
    </message>
    <message>
        <source>Amount spent, £ (out of pocket)</source>
        <translation>Swm a wariwyd, £ (o&apos;ch poced)</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Ar gyfer beth</translation>
    </message>
    <message>
        <source>Choose a claim first.</source>
        <translation>Dewiswch hawliad yn gyntaf.</translation>
    </message>
    <message>
        <source>Refuse the claim</source>
        <translation>Gwrthod yr hawliad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Expenses for finance</source>
        <translation>Treuliau ar gyfer cyllid</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Approved claims written to {target}.</source>
        <translation>Hawliadau a gymeradwywyd wedi&apos;u hysgrifennu i {target}.</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Set up Pathways</source>
        <translation>Gosod Pathways</translation>
    </message>
    <message>
        <source>This database is new. Create the first administrator account; the administrator then adds everyone else.</source>
        <translation>Mae&apos;r gronfa ddata hon yn newydd. Crëwch y cyfrif gweinyddwr cyntaf; bydd y gweinyddwr wedyn yn ychwanegu pawb arall.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Enw llawn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Cyfrinair eto</translation>
    </message>
    <message>
        <source>Encrypt this database (recommended)</source>
        <translation>Amgryptio&apos;r gronfa ddata hon (argymhellir)</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>Amgryptio&apos;r gronfa ddata hon</translation>
    </message>
    <message>
        <source>Passphrase (12+ characters)</source>
        <translation>Cyfrinymadrodd (12+ nod)</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Nid yw&apos;r ddau gyfrinair yr un fath.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Nid yw&apos;r ddau gyfrinymadrodd yr un fath.</translation>
    </message>
    <message>
        <source>The account was created, but the database was not encrypted: {message} Use &apos;pathways db encrypt&apos;.</source>
        <translation>Crëwyd y cyfrif, ond ni chafodd y gronfa ddata ei hamgryptio: {message} Defnyddiwch &apos;pathways db encrypt&apos;.</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Follow-ups</source>
        <translation>Camau dilynol</translation>
    </message>
    <message>
        <source>Record &amp;follow-up...</source>
        <translation>Cofnodi cam &amp;dilynol...</translation>
    </message>
    <message>
        <source>&amp;Reoffending check...</source>
        <translation>Gwiriad &amp;aildroseddu...</translation>
    </message>
    <message>
        <source>Follow-ups after the scheme</source>
        <translation>Camau dilynol ar ôl y cynllun</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Misoedd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Yn ddyledus</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ddim eto</translation>
    </message>
    <message>
        <source>Reoffended</source>
        <translation>Wedi aildroseddu</translation>
    </message>
    <message>
        <source>Living independently</source>
        <translation>Byw yn annibynnol</translation>
    </message>
    <message>
        <source>Free from abuse</source>
        <translation>Yn rhydd rhag camdriniaeth</translation>
    </message>
    <message>
        <source>No follow-up is waiting to be recorded.</source>
        <translation>Does dim cam dilynol yn aros i gael ei gofnodi.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Follow-up after the scheme</source>
        <translation>Cam dilynol ar ôl y cynllun</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Cam dilynol</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Wedi&apos;i wneud ar</translation>
    </message>
    <message>
        <source>Living independently?</source>
        <translation>Yn byw yn annibynnol?</translation>
    </message>
    <message>
        <source>Free from abuse?</source>
        <translation>Yn rhydd rhag camdriniaeth?</translation>
    </message>
    <message>
        <source>Reoffended?</source>
        <translation>Wedi aildroseddu?</translation>
    </message>
    <message>
        <source>Proven reoffending check</source>
        <translation>Gwiriad aildroseddu a brofwyd</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Gwiriwyd ar</translation>
    </message>
    <message>
        <source>Proven reoffending checks</source>
        <translation>Gwiriadau aildroseddu a brofwyd</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>O fewn</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} mis</translation>
    </message>
    <message>
        <source>Proven offences</source>
        <translation>Troseddau a brofwyd</translation>
    </message>
    <message>
        <source>First offence on</source>
        <translation>Y drosedd gyntaf ar</translation>
    </message>
    <message>
        <source>Follow-up window</source>
        <translation>Cyfnod dilynol</translation>
    </message>
    <message>
        <source>12 months</source>
        <translation>12 mis</translation>
    </message>
    <message>
        <source>24 months</source>
        <translation>24 mis</translation>
    </message>
    <message>
        <source>Proven offences in the window</source>
        <translation>Troseddau a brofwyd yn y cyfnod</translation>
    </message>
    <message>
        <source>Date of the first proven offence</source>
        <translation>Dyddiad y drosedd gyntaf a brofwyd</translation>
    </message>
    <message>
        <source>From police records, after the case has ended.</source>
        <translation>O gofnodion yr heddlu, ar ôl i&apos;r achos ddod i ben.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Taflu&apos;r newidiadau?</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Discard them?</source>
        <translation>Mae gennych newidiadau sydd heb eu cadw. Eu taflu?</translation>
    </message>
</context>
<context>
    <name>FormWidget</name>
    <message>
        <source>Choose...</source>
        <extracomment>The language list every person form offers (ISO 639 codes; app/services/languages.py). text multiline password date datetime choice check int; a &quot;choice&quot; whose default is None (and not one of its choices) starts unanswered, and a required one must be chosen</extracomment>
        <translation>Dewiswch...</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Cywiriadau</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Llwybr archwilio</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Hanes yr achos</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
</context>
<context>
    <name>InterventionsTab</name>
    <message>
        <source>Interventions</source>
        <translation>Ymyriadau</translation>
    </message>
    <message>
        <source>Log &amp;intervention...</source>
        <translation>Cofnodi &amp;ymyriad...</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Log an intervention or contact</source>
        <translation>Cofnodi ymyriad neu gyswllt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Keep it under 200 characters.</source>
        <translation>Cadwch ef o dan 200 nod.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Munudau</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pathways</source>
        <extracomment>Asks whoever owns the window to build it again (in the language just chosen). Set by the owner that answers ``reopen_requested`` (start-up); tests build bare windows.</extracomment>
        <translation>Pathways</translation>
    </message>
    <message>
        <source>Open screens and cases</source>
        <translation>Sgriniau ac achosion sydd ar agor</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Fy ngwaith</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Loading the dashboard...</source>
        <translation>Wrthi&apos;n llwytho&apos;r dangosfwrdd...</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dangosfwrdd</translation>
    </message>
    <message>
        <source>Pathways is locked. Case data is hidden until you sign in again.</source>
        <translation>Mae Pathways wedi&apos;i gloi. Mae data achosion wedi&apos;u cuddio nes i chi fewngofnodi eto.</translation>
    </message>
    <message>
        <source>Signed in as {full_name} ({label})</source>
        <translation>Wedi mewngofnodi fel {full_name} ({label})</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Yn barod</translation>
    </message>
    <message>
        <source>Loading the practitioner register...</source>
        <translation>Wrthi&apos;n llwytho cofrestr yr ymarferwyr...</translation>
    </message>
    <message>
        <source>Practitioners</source>
        <translation>Ymarferwyr</translation>
    </message>
    <message>
        <source>My record</source>
        <translation>Fy nghofnod</translation>
    </message>
    <message>
        <source>&amp;New referral...</source>
        <translation>&amp;Atgyfeiriad newydd...</translation>
    </message>
    <message>
        <source>Take a new referral</source>
        <translation>Cymryd atgyfeiriad newydd</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>&amp;Dod o hyd i achos</translation>
    </message>
    <message>
        <source>Find anyone: part of a reference, a name, a date of birth, a postcode, a phone or crime reference</source>
        <translation>Dod o hyd i unrhyw un: rhan o gyfeirnod, enw, dyddiad geni, cod post, ffôn neu gyfeirnod trosedd</translation>
    </message>
    <message>
        <source>&amp;Generate document...</source>
        <translation>&amp;Creu dogfen...</translation>
    </message>
    <message>
        <source>Make a letter, contract or summary for this case</source>
        <translation>Creu llythyr, contract neu grynodeb ar gyfer yr achos hwn</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>Cau&apos;r &amp;tab</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ad&amp;newyddu</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Dewisiadau...</translation>
    </message>
    <message>
        <source>&amp;Appointment letters for next week...</source>
        <translation>&amp;Llythyrau apwyntiad ar gyfer yr wythnos nesaf...</translation>
    </message>
    <message>
        <source>File a letter for every bail appointment next week</source>
        <translation>Ffeilio llythyr ar gyfer pob apwyntiad mechnïaeth yr wythnos nesaf</translation>
    </message>
    <message>
        <source>&amp;Import referrals...</source>
        <translation>&amp;Mewnforio atgyfeiriadau...</translation>
    </message>
    <message>
        <source>Referrals from a CSV file: all rows or none</source>
        <translation>Atgyfeiriadau o ffeil CSV: pob rhes neu ddim un</translation>
    </message>
    <message>
        <source>Su&amp;bject access export...</source>
        <translation>Allforio data ar gyfer cais am &amp;fynediad...</translation>
    </message>
    <message>
        <source>Everything held about a party on this case</source>
        <translation>Popeth a gedwir am barti ar yr achos hwn</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Cloi na&amp;wr</translation>
    </message>
    <message>
        <source>Change my pass&amp;word...</source>
        <translation>Newid fy ng&amp;hyfrinair...</translation>
    </message>
    <message>
        <source>&amp;Users...</source>
        <translation>D&amp;efnyddwyr...</translation>
    </message>
    <message>
        <source>Add users, reset passwords, disable accounts</source>
        <translation>Ychwanegu defnyddwyr, ailosod cyfrineiriau, analluogi cyfrifon</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;My work</source>
        <translation>&amp;Fy ngwaith</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Achosion</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>Export my &amp;diary (calendar)...</source>
        <translation>Allforio fy &amp;nyddiadur (calendr)...</translation>
    </message>
    <message>
        <source>Your appointments and meetings as an .ics file</source>
        <translation>Eich apwyntiadau a&apos;ch cyfarfodydd fel ffeil .ics</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Gwe&amp;ld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;About Pathways</source>
        <translation>&amp;Ynghylch Pathways</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>Methu agor yr achos</translation>
    </message>
    <message>
        <source>Referral {reference} saved</source>
        <translation>Atgyfeiriad {reference} wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Your password is changed</source>
        <translation>Mae eich cyfrinair wedi&apos;i newid</translation>
    </message>
    <message>
        <source>Open the person&apos;s case first.</source>
        <translation>Agorwch achos y person yn gyntaf.</translation>
    </message>
    <message>
        <source>Subject access export written to {folder}</source>
        <translation>Allforio ar gyfer cais am fynediad wedi&apos;i ysgrifennu i {folder}</translation>
    </message>
    <message>
        <source>Appointment letters</source>
        <translation>Llythyrau apwyntiad</translation>
    </message>
    <message>
        <source>{made} appointment letter(s) filed, {skipped} skipped (cancelled)</source>
        <translation>Llythyrau apwyntiad a ffeiliwyd: {made}, a hepgorwyd: {skipped} (canslwyd)</translation>
    </message>
    <message>
        <source>{made} appointment letter(s) filed, {skipped} skipped</source>
        <translation>Llythyrau apwyntiad a ffeiliwyd: {made}, a hepgorwyd: {skipped}</translation>
    </message>
    <message>
        <source>Import referrals</source>
        <translation>Mewnforio atgyfeiriadau</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Checking row {row} of {total}</source>
        <translation>Wrthi&apos;n gwirio rhes {row} o {total}</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Wrthi&apos;n darllen y ffeil...</translation>
    </message>
    <message>
        <source>{n} referral(s) imported</source>
        <translation>Atgyfeiriadau a fewnforiwyd: {n}</translation>
    </message>
    <message>
        <source>Diary saved to {path}</source>
        <translation>Dyddiadur wedi&apos;i gadw yn {path}</translation>
    </message>
    <message>
        <source>Preferences saved: the window locks after {minutes} minutes without use</source>
        <translation>Dewisiadau wedi&apos;u cadw: mae&apos;r ffenestr yn cloi ar ôl {minutes} munud heb ei defnyddio</translation>
    </message>
    <message>
        <source>Window language from your next sign-in: {language}</source>
        <translation>Iaith y ffenestr o&apos;r tro nesaf y byddwch yn mewngofnodi: {language}</translation>
    </message>
    <message>
        <source>Window language</source>
        <translation>Iaith y ffenestr</translation>
    </message>
    <message>
        <source>Window language: {language}. Reopen the window in it now? Open cases and forms close; everything saved stays as it is.</source>
        <translation>Iaith y ffenestr: {language}. Ailagor y ffenestr ynddi nawr? Bydd achosion a ffurflenni agored yn cau; mae popeth a gadwyd yn aros fel y mae.</translation>
    </message>
    <message>
        <source>Reopen now</source>
        <translation>Ailagor nawr</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Restorative meetings</source>
        <translation>Cyfarfodydd adferol</translation>
    </message>
    <message>
        <source>&amp;Risk assessment...</source>
        <translation>&amp;Asesiad risg...</translation>
    </message>
    <message>
        <source>&amp;Book meeting...</source>
        <translation>&amp;Trefnu cyfarfod...</translation>
    </message>
    <message>
        <source>Record &amp;meeting...</source>
        <translation>Cofnodi c&amp;yfarfod...</translation>
    </message>
    <message>
        <source>&amp;Outcome agreement...</source>
        <translation>Cyt&amp;undeb canlyniad...</translation>
    </message>
    <message>
        <source>Action &amp;kept</source>
        <translation>Cadwyd at y &amp;cam</translation>
    </message>
    <message>
        <source>Action &amp;not kept</source>
        <translation>Ni c&amp;hadwyd at y cam</translation>
    </message>
    <message>
        <source>&amp;Follow-up...</source>
        <translation>Cam &amp;dilynol...</translation>
    </message>
    <message>
        <source>Sur&amp;vey...</source>
        <translation>A&amp;rolwg...</translation>
    </message>
    <message>
        <source>Agency &amp;calls...</source>
        <translation>Galwadau i a&amp;siantaethau...</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Hwyluswyr</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>Outcome agreement actions</source>
        <translation>Camau&apos;r cytundeb canlyniad</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Yn ddyledus</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Cadwyd ato</translation>
    </message>
    <message>
        <source>a harmed party</source>
        <translation>y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Cynhaliwyd ar</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Hwylusydd</translation>
    </message>
    <message>
        <source>Co-facilitator</source>
        <translation>Cyd-hwylusydd</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Also attending (name)</source>
        <translation>Hefyd yn bresennol (enw)</translation>
    </message>
    <message>
        <source>Their role</source>
        <translation>Eu rôl</translation>
    </message>
    <message>
        <source>Record the restorative meeting</source>
        <translation>Cofnodi&apos;r cyfarfod adferol</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Aseswyd ar</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risg</translation>
    </message>
    <message>
        <source>Sensitive or complex</source>
        <translation>Sensitif neu gymhleth</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Domestic abuse, sexual offences, hate crime and stalking need a staff facilitator.</source>
        <translation>Mae angen hwylusydd staff ar gyfer cam-drin domestig, troseddau rhywiol, troseddau casineb a stelcian.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Asesiad risg</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Yn dechrau</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Oriau</translation>
    </message>
    <message>
        <source>Book the restorative meeting</source>
        <translation>Trefnu&apos;r cyfarfod adferol</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Cytunwyd ar</translation>
    </message>
    <message>
        <source>Signed by the parties?</source>
        <translation>Wedi&apos;i lofnodi gan y partïon?</translation>
    </message>
    <message>
        <source>Yes, signed</source>
        <translation>Ie, wedi&apos;i lofnodi</translation>
    </message>
    <message>
        <source>No, not signed</source>
        <translation>Na, heb ei lofnodi</translation>
    </message>
    <message>
        <source>Action {n}</source>
        <translation>Cam {n}</translation>
    </message>
    <message>
        <source>Action {n}: what</source>
        <translation>Cam {n}: beth</translation>
    </message>
    <message>
        <source>Action {n}: who</source>
        <translation>Cam {n}: pwy</translation>
    </message>
    <message>
        <source>Action {n}: by</source>
        <translation>Cam {n}: erbyn</translation>
    </message>
    <message>
        <source>Outcome agreement</source>
        <translation>Cytundeb canlyniad</translation>
    </message>
    <message>
        <source>Not legally binding. Each action has who does it and by when.</source>
        <translation>Nid yw&apos;n gyfreithiol rwymol. Mae gan bob cam pwy sy&apos;n ei wneud ac erbyn pryd.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>Dewiswch gam yn gyntaf.</translation>
    </message>
    <message>
        <source>Follow-up contact</source>
        <translation>Cyswllt dilynol</translation>
    </message>
    <message>
        <source>After the meeting: follow-ups, surveys and calls to agencies</source>
        <translation>Ar ôl y cyfarfod: camau dilynol, arolygon a galwadau i asiantaethau</translation>
    </message>
    <message>
        <source>Follow-ups, surveys and calls to agencies</source>
        <translation>Camau dilynol, arolygon a galwadau i asiantaethau</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>agreement kept</source>
        <translation>cadwyd at y cytundeb</translation>
    </message>
    <message>
        <source>agreement not kept</source>
        <translation>ni chadwyd at y cytundeb</translation>
    </message>
    <message>
        <source>Survey of {name}</source>
        <translation>Arolwg {name}</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>yn fodlon</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>ddim yn fodlon</translation>
    </message>
    <message>
        <source>Calls to {agency}</source>
        <translation>Galwadau i {agency}</translation>
    </message>
    <message>
        <source>{calls} call(s) in the {months} months {period}</source>
        <translation>{calls} galwad yn y {months} mis {period}</translation>
    </message>
    <message>
        <source>Contacted on</source>
        <translation>Cysylltwyd ar</translation>
    </message>
    <message>
        <source>Was the agreement kept?</source>
        <translation>A gadwyd at y cytundeb?</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Every harmed party&apos;s survey is recorded.</source>
        <translation>Mae arolwg pob un a niweidiwyd wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Heb ofyn</translation>
    </message>
    <message>
        <source>Harmed party&apos;s satisfaction survey</source>
        <translation>Arolwg bodlonrwydd y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Harmed party</source>
        <translation>Y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Atebwyd ar</translation>
    </message>
    <message>
        <source>Satisfied overall?</source>
        <translation>Yn fodlon at ei gilydd?</translation>
    </message>
    <message>
        <source>Felt heard (1-5)</source>
        <translation>Teimlo y gwrandawyd arnynt (1-5)</translation>
    </message>
    <message>
        <source>Feels safer (1-5)</source>
        <translation>Yn teimlo&apos;n fwy diogel (1-5)</translation>
    </message>
    <message>
        <source>Calls to agencies about the same problem</source>
        <translation>Galwadau i asiantaethau am yr un broblem</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Cyfnod</translation>
    </message>
    <message>
        <source>Before the intervention</source>
        <translation>Cyn yr ymyriad</translation>
    </message>
    <message>
        <source>After the intervention</source>
        <translation>Ar ôl yr ymyriad</translation>
    </message>
    <message>
        <source>Over how many months</source>
        <translation>Dros sawl mis</translation>
    </message>
    <message>
        <source>Number of calls</source>
        <translation>Nifer y galwadau</translation>
    </message>
</context>
<context>
    <name>MyWork</name>
    <message>
        <source>Missed bail-condition appointments</source>
        <extracomment>What each section is called, and which field of MyWork holds its rows.</extracomment>
        <translation>Apwyntiadau amod mechnïaeth a gollwyd</translation>
    </message>
    <message>
        <source>Today&apos;s appointments</source>
        <translation>Apwyntiadau heddiw</translation>
    </message>
    <message>
        <source>Appointments with no outcome recorded</source>
        <translation>Apwyntiadau heb ganlyniad wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Contracts ending within 14 days</source>
        <translation>Contractau sy&apos;n dod i ben o fewn 14 diwrnod</translation>
    </message>
    <message>
        <source>Agreement actions due</source>
        <translation>Camau cytundeb sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Camau dilynol sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>Referrals awaiting a decision</source>
        <translation>Atgyfeiriadau sy&apos;n aros am benderfyniad</translation>
    </message>
    <message>
        <source>My caseload</source>
        <translation>Fy llwyth achosion</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>My work could not be loaded ({error}).</source>
        <translation>Nid oedd modd llwytho fy ngwaith ({error}).</translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message>
        <source>Worker</source>
        <extracomment>Open a case at one item: reference, workspace tab, the record&apos;s key there (or None). A background load has been shown (or has failed).</extracomment>
        <translation>Gweithiwr</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Pob gweithiwr</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>&amp;Gweithiwr</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ad&amp;newyddu</translation>
    </message>
    <message>
        <source>Refresh my work</source>
        <translation>Adnewyddu fy ngwaith</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Fy ngwaith</translation>
    </message>
    <message>
        <source>My work - {full_name}</source>
        <translation>Fy ngwaith - {full_name}</translation>
    </message>
    <message>
        <source>Loading your work...</source>
        <translation>Wrthi&apos;n llwytho eich gwaith...</translation>
    </message>
    <message>
        <source>Your role has no case work: nothing is due here.</source>
        <translation>Does dim gwaith achos yn eich rôl: does dim byd yn ddyledus yma.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Achosion agored</translation>
    </message>
    <message>
        <source>Standards: checks, supervision, Victims&apos; Code and complaints</source>
        <translation>Safonau: gwiriadau, goruchwyliaeth, Cod y Dioddefwyr a chwynion</translation>
    </message>
    <message>
        <source>... and more than {n} more (see the Cases tab)</source>
        <translation>... a mwy na {n} arall (gweler y tab Achosion)</translation>
    </message>
    <message>
        <source>... and {n} more (see the Cases tab)</source>
        <translation>... a {n} arall (gweler y tab Achosion)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Hwyr</translation>
    </message>
    <message>
        <source>referred {day}</source>
        <translation>atgyfeiriwyd {day}</translation>
    </message>
</context>
<context>
    <name>NoteHitModel</name>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>What was written</source>
        <translation>Beth a ysgrifennwyd</translation>
    </message>
</context>
<context>
    <name>NotesSearchDialog</name>
    <message>
        <source>Search the notes</source>
        <translation>Chwilio&apos;r nodiadau</translation>
    </message>
    <message>
        <source>Words to find in the notes</source>
        <translation>Geiriau i&apos;w canfod yn y nodiadau</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Geiriau</translation>
    </message>
    <message>
        <source>Notes found</source>
        <translation>Nodiadau a ganfuwyd</translation>
    </message>
    <message>
        <source>1 record found</source>
        <translation>Canfuwyd 1 cofnod</translation>
    </message>
    <message>
        <source>{n} records found</source>
        <translation>Canfuwyd {n} cofnod</translation>
    </message>
    <message>
        <source>Nothing written holds all these words. Try fewer words, or the start of a word.</source>
        <translation>Does dim byd a ysgrifennwyd yn cynnwys pob un o&apos;r geiriau hyn. Rhowch gynnig ar lai o eiriau, neu ddechrau gair.</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>&amp;Write a note...</source>
        <translation>&amp;Ysgrifennu nodyn...</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Nodiadau achos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Ysgrifennwyd</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Ysgrifennu nodyn</translation>
    </message>
    <message>
        <source>The day the note is about</source>
        <translation>Y diwrnod y mae&apos;r nodyn yn ymwneud ag ef</translation>
    </message>
    <message>
        <source>A note is at most {MAX_TEXT:,} characters.</source>
        <translation>Gall nodyn fod yn {MAX_TEXT:,} nod ar y mwyaf.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Result of the last action</source>
        <extracomment>The Qt property holding the CaseAction a button stands for.</extracomment>
        <translation>Canlyniad y weithred ddiwethaf</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Wedi&apos;i gadw.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <extracomment>The record it is, when it is one a worker entered (opening the row shows it whole).</extracomment>
        <translation>Trosolwg</translation>
    </message>
    <message>
        <source>Case facts</source>
        <translation>Ffeithiau&apos;r achos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Llinell amser</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Cyfranogwr</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>heb ei gofnodi</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <source>Referring officer</source>
        <translation>Swyddog a atgyfeiriodd</translation>
    </message>
    <message>
        <source>Offence / incident</source>
        <translation>Trosedd / digwyddiad</translation>
    </message>
    <message>
        <source>Offence date</source>
        <translation>Dyddiad y drosedd</translation>
    </message>
    <message>
        <source>Crime reference</source>
        <translation>Cyfeirnod trosedd</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Cymhwysedd</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Rheswm dros ddiystyru</translation>
    </message>
    <message>
        <source>Advisory risk band</source>
        <translation>Band risg cynghorol</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>heb ei roi</translation>
    </message>
    <message>
        <source>; officer: {decision}</source>
        <translation>; swyddog: {decision}</translation>
    </message>
    <message>
        <source>; override: {reason}</source>
        <translation>; diystyru: {reason}</translation>
    </message>
    <message>
        <source>{day} by {source}</source>
        <translation>{day} gan {source}</translation>
    </message>
    <message>
        <source>Outcome code</source>
        <translation>Cod canlyniad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Caewyd</translation>
    </message>
    <message>
        <source>Stage: {stage} - {reason}</source>
        <translation>Cam: {stage} - {reason}</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Cam: {stage}</translation>
    </message>
    <message>
        <source>Appointment ({status}): {purpose}</source>
        <translation>Apwyntiad ({status}): {purpose}</translation>
    </message>
    <message>
        <source>Meeting: {kind}</source>
        <translation>Cyfarfod: {kind}</translation>
    </message>
    <message>
        <source>Follow-up: agreement kept</source>
        <translation>Cam dilynol: cadwyd at y cytundeb</translation>
    </message>
    <message>
        <source>Follow-up: agreement not kept</source>
        <translation>Cam dilynol: ni chadwyd at y cytundeb</translation>
    </message>
    <message>
        <source>Document: {title}</source>
        <translation>Dogfen: {title}</translation>
    </message>
    <message>
        <source>Needs assessment ({stage}): {pathway}, level {level}</source>
        <translation>Asesiad o anghenion ({stage}): {pathway}, lefel {level}</translation>
    </message>
    <message>
        <source>Consent given: {name}</source>
        <translation>Cydsyniad wedi&apos;i roi: {name}</translation>
    </message>
    <message>
        <source>Consent withdrawn: {name}</source>
        <translation>Cydsyniad wedi&apos;i dynnu&apos;n ôl: {name}</translation>
    </message>
    <message>
        <source>Community hours: {hours} ({task})</source>
        <translation>Oriau cymunedol: {hours} ({task})</translation>
    </message>
    <message>
        <source>Agreement action due: {action}</source>
        <translation>Cam cytundeb sy&apos;n ddyledus: {action}</translation>
    </message>
    <message>
        <source>Satisfaction survey: satisfied</source>
        <translation>Arolwg bodlonrwydd: bodlon</translation>
    </message>
    <message>
        <source>Satisfaction survey: not satisfied</source>
        <translation>Arolwg bodlonrwydd: ddim yn fodlon</translation>
    </message>
    <message>
        <source>{months}-month follow-up</source>
        <translation>Cam dilynol {months} mis</translation>
    </message>
    <message>
        <source>Reoffending check: {offences} proven offence(s) in {window_months} months</source>
        <translation>Gwiriad aildroseddu: troseddau a brofwyd mewn {window_months} mis: {offences}</translation>
    </message>
    <message>
        <source>Calls to {agency_name}: {calls} in the {months} months {period}</source>
        <translation>Galwadau i {agency_name}: {calls} yn y {months} mis {period}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>Nodyn: {text}</translation>
    </message>
</context>
<context>
    <name>PathwaysTab</name>
    <message>
        <source>Pathways</source>
        <translation>Llwybrau</translation>
    </message>
    <message>
        <source>Start assessment...</source>
        <translation>Asesiad cychwynnol...</translation>
    </message>
    <message>
        <source>Review assessment...</source>
        <translation>Asesiad adolygu...</translation>
    </message>
    <message>
        <source>Exit assessment...</source>
        <translation>Asesiad gadael...</translation>
    </message>
    <message>
        <source>Log &amp;intervention...</source>
        <translation>Cofnodi &amp;ymyriad...</translation>
    </message>
    <message>
        <source>Need by pathway</source>
        <translation>Angen fesul llwybr</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Distance travelled</source>
        <translation>Y pellter a deithiwyd</translation>
    </message>
    <message>
        <source>Need level at start and exit (0 none - 4 critical)</source>
        <translation>Lefel angen ar y dechrau ac wrth adael (0 dim - 4 critigol)</translation>
    </message>
    <message>
        <source>Chart: need level at start and exit by pathway</source>
        <translation>Siart: lefel angen ar y dechrau ac wrth adael fesul llwybr</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Siart</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Aseswyd ar</translation>
    </message>
    <message>
        <source>Start needs assessment</source>
        <translation>Asesiad o anghenion cychwynnol</translation>
    </message>
    <message>
        <source>Review needs assessment</source>
        <translation>Asesiad o anghenion adolygu</translation>
    </message>
    <message>
        <source>Exit needs assessment</source>
        <translation>Asesiad o anghenion wrth adael</translation>
    </message>
    <message>
        <source>Need in each pathway: 0 none, 1 low, 2 moderate, 3 high, 4 critical.</source>
        <translation>Angen ym mhob llwybr: 0 dim, 1 isel, 2 cymedrol, 3 uchel, 4 critigol.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>People</source>
        <translation>Pobl</translation>
    </message>
    <message>
        <source>Add &amp;party...</source>
        <translation>&amp;Ychwanegu parti...</translation>
    </message>
    <message>
        <source>Consent &amp;given...</source>
        <translation>&amp;Cydsyniad wedi&apos;i roi...</translation>
    </message>
    <message>
        <source>Consent &amp;withdrawn...</source>
        <translation>Cydsyniad wedi&apos;i &amp;dynnu&apos;n ôl...</translation>
    </message>
    <message>
        <source>&amp;Edit details...</source>
        <translation>Golygu &amp;manylion...</translation>
    </message>
    <message>
        <source>Consent e&amp;vidence...</source>
        <translation>&amp;Tystiolaeth cydsyniad...</translation>
    </message>
    <message>
        <source>Victims&apos; &amp;Code offer...</source>
        <translation>Cynnig C&amp;od y Dioddefwyr...</translation>
    </message>
    <message>
        <source>Data ca&amp;tegory...</source>
        <translation>Categori d&amp;ata...</translation>
    </message>
    <message>
        <source>&amp;Objection to a facilitator...</source>
        <translation>Gwrth&amp;wynebiad i hwylusydd...</translation>
    </message>
    <message>
        <source>People on the case</source>
        <translation>Pobl ar yr achos</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Cydsyniad</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Llythyrau</translation>
    </message>
    <message>
        <source>Data category</source>
        <translation>Categori data</translation>
    </message>
    <message>
        <source>Consent given and withdrawn</source>
        <translation>Cydsyniad a roddwyd ac a dynnwyd yn ôl</translation>
    </message>
    <message>
        <source>Add a party</source>
        <translation>Ychwanegu parti</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Cydsyniad wedi&apos;i roi</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Cydsyniad wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>The form cannot be read: {strerror}.</source>
        <translation>Does dim modd darllen y ffurflen: {strerror}.</translation>
    </message>
    <message>
        <source>Consent evidence</source>
        <translation>Tystiolaeth cydsyniad</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Wedi&apos;i roi</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Cymerwyd gan</translation>
    </message>
    <message>
        <source>Signed form (file)</source>
        <translation>Ffurflen wedi&apos;i llofnodi (ffeil)</translation>
    </message>
    <message>
        <source>Needed for consent in writing.</source>
        <translation>Mae ei hangen ar gyfer cydsyniad ysgrifenedig.</translation>
    </message>
    <message>
        <source>Victims&apos; Code: restorative justice offered</source>
        <translation>Cod y Dioddefwyr: cynigiwyd cyfiawnder adferol</translation>
    </message>
    <message>
        <source>Harmed party</source>
        <translation>Y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>First offered on</source>
        <translation>Cynigiwyd gyntaf ar</translation>
    </message>
    <message>
        <source>How (phone call, letter, visit)</source>
        <translation>Sut (galwad ffôn, llythyr, ymweliad)</translation>
    </message>
    <message>
        <source>Enhanced rights</source>
        <translation>Hawliau uwch</translation>
    </message>
    <message>
        <source>a victim with enhanced rights (shorter time limit)</source>
        <translation>dioddefwr â hawliau uwch (terfyn amser byrrach)</translation>
    </message>
    <message>
        <source>Data subject category</source>
        <translation>Categori testun y data</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>How the law on police data (DPA 2018 s.38) sorts the people it is about: a supporter who saw what happened is a witness.</source>
        <translation>Sut mae&apos;r gyfraith ar ddata&apos;r heddlu (DPA 2018 a.38) yn rhannu&apos;r bobl y mae&apos;n ymwneud â nhw: mae cefnogwr a welodd yr hyn a ddigwyddodd yn dyst.</translation>
    </message>
    <message>
        <source>Objection to a facilitator</source>
        <translation>Gwrthwynebiad i hwylusydd</translation>
    </message>
    <message>
        <source>Objects to</source>
        <translation>Yn gwrthwynebu</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Pam (dewisol)</translation>
    </message>
    <message>
        <source>Details of {name}</source>
        <translation>Manylion {name}</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Llinell cyfeiriad 2</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Tref</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Cyfieithydd</translation>
    </message>
    <message>
        <source>needs an interpreter</source>
        <translation>angen cyfieithydd</translation>
    </message>
    <message>
        <source>Communication needs</source>
        <translation>Anghenion cyfathrebu</translation>
    </message>
    <message>
        <source>Letters in</source>
        <translation>Llythyrau yn</translation>
    </message>
</context>
<context>
    <name>PractitionersRegister</name>
    <message>
        <source>The certificate file cannot be read: {strerror}.</source>
        <translation>Does dim modd darllen ffeil y dystysgrif: {strerror}.</translation>
    </message>
</context>
<context>
    <name>PractitionersView</name>
    <message>
        <source>&amp;Expenses...</source>
        <translation>&amp;Treuliau...</translation>
    </message>
    <message>
        <source>&amp;Add to register...</source>
        <translation>&amp;Ychwanegu at y gofrestr...</translation>
    </message>
    <message>
        <source>Conflicts &amp;register...</source>
        <translation>&amp;Cofrestr gwrthdaro...</translation>
    </message>
    <message>
        <source>Co&amp;mplaints...</source>
        <translation>C&amp;wynion...</translation>
    </message>
    <message>
        <source>Practitioners</source>
        <translation>Ymarferwyr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>RJC</source>
        <translation>RJC</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>cofrestredig</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>Gwiriad yn ddyledus</translation>
    </message>
    <message>
        <source>{day} (lapsed)</source>
        <translation>{day} (wedi dod i ben)</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Goruchwyliwyd</translation>
    </message>
    <message>
        <source>{day} (overdue)</source>
        <translation>{day} (yn hwyr)</translation>
    </message>
    <message>
        <source>CPD 12m</source>
        <translation>DPP 12m</translation>
    </message>
    <message>
        <source>Choose a practitioner.</source>
        <translation>Dewiswch ymarferydd.</translation>
    </message>
    <message>
        <source>DBS &amp;check...</source>
        <translation>&amp;Gwiriad DBS...</translation>
    </message>
    <message>
        <source>&amp;Training...</source>
        <translation>&amp;Hyfforddiant...</translation>
    </message>
    <message>
        <source>CP&amp;D...</source>
        <translation>D&amp;PP...</translation>
    </message>
    <message>
        <source>&amp;Supervision...</source>
        <translation>&amp;Goruchwyliaeth...</translation>
    </message>
    <message>
        <source>&amp;Unavailable...</source>
        <translation>&amp;Ddim ar gael...</translation>
    </message>
    <message>
        <source>Declare c&amp;onflict...</source>
        <translation>&amp;Datgan gwrthdaro...</translation>
    </message>
    <message>
        <source>Supervision &amp;record (PDF)...</source>
        <translation>&amp;Cofnod goruchwylio (PDF)...</translation>
    </message>
    <message>
        <source>The practitioner&apos;s records</source>
        <translation>Cofnodion yr ymarferydd</translation>
    </message>
    <message>
        <source>DBS checks</source>
        <translation>Gwiriadau DBS</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lefel</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Tystysgrif</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Cyhoeddwyd</translation>
    </message>
    <message>
        <source>Update Service</source>
        <translation>Gwasanaeth Diweddaru</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nesaf yn ddyledus</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Hyfforddiant</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Cwblhawyd</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cwrs</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Oriau</translation>
    </message>
    <message>
        <source>CPD</source>
        <translation>DPP</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Gweithgaredd</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Goruchwyliaeth</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Goruchwyliwr</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Camau</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Ddim ar gael</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Knows</source>
        <translation>Yn adnabod</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Datganwyd</translation>
    </message>
    <message>
        <source>No one is on the practitioner register yet.</source>
        <translation>Does neb ar gofrestr yr ymarferwyr eto.</translation>
    </message>
    <message>
        <source>Not RJC registered</source>
        <translation>Heb gofrestru gyda&apos;r RJC</translation>
    </message>
    <message>
        <source>&lt;b&gt;{full_name}&lt;/b&gt; - {kind}, {status}, since {since}; {schemes}&lt;br&gt;{registration}. Languages: {languages}.</source>
        <translation>&lt;b&gt;{full_name}&lt;/b&gt; - {kind}, {status}, ers {since}; {schemes}&lt;br&gt;{registration}. Ieithoedd: {languages}.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Defnyddiwr</translation>
    </message>
    <message>
        <source>Staff or volunteer</source>
        <translation>Staff neu wirfoddolwr</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dechreuodd</translation>
    </message>
    <message>
        <source>RJC registration</source>
        <translation>Cofrestriad RJC</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Heb gofrestru</translation>
    </message>
    <message>
        <source>RJC number</source>
        <translation>Rhif RJC</translation>
    </message>
    <message>
        <source>RJC renewal</source>
        <translation>Adnewyddu RJC</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>Ieithoedd a siaredir</translation>
    </message>
    <message>
        <source>Add to the practitioner register</source>
        <translation>Ychwanegu at gofrestr yr ymarferwyr</translation>
    </message>
    <message>
        <source>DBS check</source>
        <translation>Gwiriad DBS</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Rhif y dystysgrif</translation>
    </message>
    <message>
        <source>12 digits. Never record what the certificate says.</source>
        <translation>12 digid. Peidiwch byth â chofnodi beth mae&apos;r dystysgrif yn ei ddweud.</translation>
    </message>
    <message>
        <source>Training completed</source>
        <translation>Hyfforddiant a gwblhawyd</translation>
    </message>
    <message>
        <source>Certificate file (PDF or image)</source>
        <translation>Ffeil y dystysgrif (PDF neu ddelwedd)</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Cynhaliwyd ar</translation>
    </message>
    <message>
        <source>Cases discussed (references, comma separated)</source>
        <translation>Achosion a drafodwyd (cyfeirnodau, wedi&apos;u gwahanu gan goma)</translation>
    </message>
    <message>
        <source>Notes (withheld from the printed record)</source>
        <translation>Nodiadau (heb eu cynnwys yn y cofnod printiedig)</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>signed off by me today</source>
        <translation>wedi&apos;i gymeradwyo gennyf heddiw</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Pam (dewisol)</translation>
    </message>
    <message>
        <source>Already assigned to {cases}: reassign these cases.</source>
        <translation>Eisoes wedi&apos;i neilltuo i {cases}: neilltuwch yr achosion hyn i rywun arall.</translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Datgan gwrthdaro buddiannau</translation>
    </message>
    <message>
        <source>Name of the person you know</source>
        <translation>Enw&apos;r person rydych yn ei adnabod</translation>
    </message>
    <message>
        <source>How you know them</source>
        <translation>Sut rydych yn ei adnabod</translation>
    </message>
    <message>
        <source>You will not be assigned to a case with this person.</source>
        <translation>Ni fyddwch yn cael eich neilltuo i achos gyda&apos;r person hwn.</translation>
    </message>
    <message>
        <source>Save the supervision record</source>
        <translation>Cadw&apos;r cofnod goruchwylio</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Supervision record</source>
        <translation>Cofnod goruchwylio</translation>
    </message>
    <message>
        <source>Supervision record saved to {target}.</source>
        <translation>Cofnod goruchwylio wedi&apos;i gadw yn {target}.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Each recipient&apos;s own format</source>
        <translation>Fformat pob derbynnydd ei hun</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Easy read</source>
        <translation>Hawdd ei ddeall</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Print bras</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Dewisiadau</translation>
    </message>
    <message>
        <source>Lock the window after (minutes without use)</source>
        <translation>Cloi&apos;r ffenestr ar ôl (munudau heb ei defnyddio)</translation>
    </message>
    <message>
        <source>At most {MAX_IDLE_LOCK_MINUTES} minutes: the partnership&apos;s security limit for case data left on screen</source>
        <translation>{MAX_IDLE_LOCK_MINUTES} munud ar y mwyaf: terfyn diogelwch y bartneriaeth ar gyfer data achosion a adawyd ar y sgrin</translation>
    </message>
    <message>
        <source>Letters start in</source>
        <translation>Llythyrau&apos;n dechrau yn</translation>
    </message>
    <message>
        <source>Save documents in</source>
        <translation>Cadw dogfennau yn</translation>
    </message>
    <message>
        <source>A folder on this computer; empty: your Documents folder</source>
        <translation>Ffolder ar y cyfrifiadur hwn; gwag: eich ffolder Dogfennau</translation>
    </message>
    <message>
        <source>Window language</source>
        <translation>Iaith y ffenestr</translation>
    </message>
    <message>
        <source>When you save, the window offers to reopen in it</source>
        <translation>Pan fyddwch yn cadw, mae&apos;r ffenestr yn cynnig ailagor ynddi</translation>
    </message>
    <message>
        <source>These settings are yours alone and follow you to any desktop that uses this database.</source>
        <translation>Eich gosodiadau chi yn unig yw&apos;r rhain, ac maent yn eich dilyn i unrhyw fwrdd gwaith sy&apos;n defnyddio&apos;r gronfa ddata hon.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not be started: check it is on and chosen, then print again. Nothing was printed.</source>
        <translation>Nid oedd modd cychwyn yr argraffydd: gwiriwch ei fod ymlaen ac wedi&apos;i ddewis, yna argraffwch eto. Ni argraffwyd dim.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Argraffu</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why are you opening {0}?</source>
        <translation>Pam rydych chi&apos;n agor {0}?</translation>
    </message>
    <message>
        <source>{0} is a restricted case and it is not assigned to you. The law on police data (DPA 2018 s.62) asks that every look at it says why. Your reason is kept in the case&apos;s audit trail for good, so do not write anyone&apos;s name.</source>
        <translation>Mae {0} yn achos cyfyngedig ac nid yw wedi&apos;i neilltuo i chi. Mae&apos;r gyfraith ar ddata&apos;r heddlu (DPA 2018 a.62) yn gofyn bod pob golwg arno yn dweud pam. Caiff eich rheswm ei gadw yn llwybr archwilio&apos;r achos am byth, felly peidiwch ag ysgrifennu enw neb.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Rheswm</translation>
    </message>
    <message>
        <source>Reason for opening the case</source>
        <translation>Rheswm dros agor yr achos</translation>
    </message>
    <message>
        <source>Supervision or caseload review</source>
        <translation>Goruchwyliaeth neu adolygiad llwyth achosion</translation>
    </message>
    <message>
        <source>Covering for the assigned worker</source>
        <translation>Cyflenwi dros y gweithiwr a neilltuwyd</translation>
    </message>
    <message>
        <source>Safeguarding concern</source>
        <translation>Pryder diogelu</translation>
    </message>
    <message>
        <source>Allocation decision</source>
        <translation>Penderfyniad dyrannu</translation>
    </message>
    <message>
        <source>Subject access request or complaint</source>
        <translation>Cais am fynediad at ddata neu gwyn</translation>
    </message>
    <message>
        <source>Choose or type why</source>
        <translation>Dewiswch neu teipiwch pam</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Agor yr achos</translation>
    </message>
    <message>
        <source>Say why you are opening the case.</source>
        <translation>Dywedwch pam rydych chi&apos;n agor yr achos.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Amend...</source>
        <translation>&amp;Diwygio...</translation>
    </message>
    <message>
        <source>&amp;Entered in error...</source>
        <translation>&amp;Cofnodwyd mewn camgymeriad...</translation>
    </message>
    <message>
        <source>&amp;Rebook...</source>
        <translation>&amp;Aildrefnu...</translation>
    </message>
    <message>
        <source>Entered by {who}</source>
        <translation>Cofnodwyd gan {who}</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR</source>
        <translation>COFNODWYD MEWN CAMGYMERIAD</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Not corrected.</source>
        <translation>Heb ei gywiro.</translation>
    </message>
    <message>
        <source>Marked entered in error</source>
        <translation>Wedi&apos;i nodi fel cofnod mewn camgymeriad</translation>
    </message>
    <message>
        <source>Amended: {changes}</source>
        <translation>Diwygiwyd: {changes}</translation>
    </message>
    <message>
        <source>Amend: {kind}</source>
        <translation>Diwygio: {kind}</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Rheswm dros y diwygiad</translation>
    </message>
    <message>
        <source>Change what was wrong and say why. The values as they were stay in the record&apos;s history.</source>
        <translation>Newidiwch yr hyn a oedd yn anghywir a dywedwch pam. Mae&apos;r gwerthoedd fel yr oeddent yn aros yn hanes y cofnod.</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Diwygio</translation>
    </message>
    <message>
        <source>Entered in error: {what}</source>
        <translation>Cofnodwyd mewn camgymeriad: {what}</translation>
    </message>
    <message>
        <source>Why it was entered in error</source>
        <translation>Pam y cafodd ei gofnodi mewn camgymeriad</translation>
    </message>
    <message>
        <source>Mark this {what} as entered in error? From then on it counts nowhere: not in the figures and reports, not in documents, lists or My work, and it prints nowhere. It stays in the case&apos;s History, struck through, with your reason. This cannot be undone.</source>
        <translation>Nodi bod y {what} hwn wedi&apos;i gofnodi mewn camgymeriad? O hynny ymlaen nid yw&apos;n cyfrif yn unman: nid yn y ffigurau a&apos;r adroddiadau, nid mewn dogfennau, rhestrau na Fy ngwaith, ac nid yw&apos;n cael ei argraffu yn unman. Mae&apos;n aros yn Hanes yr achos, wedi&apos;i groesi allan, gyda&apos;ch rheswm. Does dim modd dadwneud hyn.</translation>
    </message>
    <message>
        <source>Mark entered in error</source>
        <translation>Nodi ei fod wedi&apos;i gofnodi mewn camgymeriad</translation>
    </message>
    <message>
        <source>Rebook the missed appointment</source>
        <translation>Aildrefnu&apos;r apwyntiad a gollwyd</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Amser newydd</translation>
    </message>
    <message>
        <source>The missed appointment stays on record as missed; a new one is booked with the same purpose and place.</source>
        <translation>Mae&apos;r apwyntiad a gollwyd yn aros ar y cofnod fel un a gollwyd; caiff un newydd ei drefnu gyda&apos;r un diben a lle.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Trefnu</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <source>Yes</source>
        <extracomment>The person&apos;s own details: taken from their record when an existing person is linked.</extracomment>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>New referral</source>
        <translation>Atgyfeiriad newydd</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Leave as &apos;Not known&apos; if it is not known yet</source>
        <translation>Gadewch fel &apos;Ddim yn hysbys&apos; os nad yw&apos;n hysbys eto</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Tref</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Letters in</source>
        <translation>Llythyrau yn</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Dyddiad atgyfeirio</translation>
    </message>
    <message>
        <source>Referred by (source)</source>
        <translation>Atgyfeiriwyd gan (ffynhonnell)</translation>
    </message>
    <message>
        <source>The partnership&apos;s list of referral sources</source>
        <translation>Rhestr y bartneriaeth o ffynonellau atgyfeirio</translation>
    </message>
    <message>
        <source>Referring officer</source>
        <translation>Swyddog a atgyfeiriodd</translation>
    </message>
    <message>
        <source>Officer&apos;s email</source>
        <translation>E-bost y swyddog</translation>
    </message>
    <message>
        <source>Offence or incident</source>
        <translation>Trosedd neu ddigwyddiad</translation>
    </message>
    <message>
        <source>Offence date</source>
        <translation>Dyddiad y drosedd</translation>
    </message>
    <message>
        <source>Crime reference</source>
        <translation>Cyfeirnod trosedd</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
    <message>
        <source>Advisory risk band</source>
        <translation>Band risg cynghorol</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Heb ei roi</translation>
    </message>
    <message>
        <source>Officer&apos;s decision</source>
        <translation>Penderfyniad y swyddog</translation>
    </message>
    <message>
        <source>Risk override reason</source>
        <translation>Rheswm dros ddiystyru&apos;r risg</translation>
    </message>
    <message>
        <source>First-time entrant</source>
        <translation>Newydd-ddyfodiad</translation>
    </message>
    <message>
        <source>First time in the criminal justice system (Checkpoint and Gateway to Change count the diverted first-time entrants)</source>
        <translation>Y tro cyntaf yn y system cyfiawnder troseddol (mae Checkpoint a Gateway to Change yn cyfrif y newydd-ddyfodiaid a ddargyfeiriwyd)</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Gweithiwr</translation>
    </message>
    <message>
        <source>Assign later</source>
        <translation>Neilltuo&apos;n nes ymlaen</translation>
    </message>
    <message>
        <source>Harmed party first name</source>
        <translation>Enw cyntaf y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Harmed party last name</source>
        <translation>Cyfenw&apos;r sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Harmed party phone</source>
        <translation>Ffôn y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Eligibility questions</source>
        <translation>Cwestiynau cymhwysedd</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Rheswm dros ddiystyru</translation>
    </message>
    <message>
        <source>Why go ahead although the rules say no</source>
        <translation>Pam bwrw ymlaen er bod y rheolau&apos;n dweud na</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Atgyfeiriad</translation>
    </message>
    <message>
        <source>Save referral</source>
        <translation>Cadw&apos;r atgyfeiriad</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Heb ateb</translation>
    </message>
    <message>
        <source>Answer each eligibility question ({count} not answered yet).</source>
        <translation>Atebwch bob cwestiwn cymhwysedd (heb eu hateb eto: {count}).</translation>
    </message>
    <message>
        <source>The rules say no:
- {reasons}</source>
        <translation>Mae&apos;r rheolau&apos;n dweud na:
- {reasons}</translation>
    </message>
    <message>
        <source>Eligible on the information given.</source>
        <translation>Yn gymwys ar sail yr wybodaeth a roddwyd.</translation>
    </message>
    <message>
        <source>Give an override reason to go ahead.</source>
        <translation>Rhowch reswm dros ddiystyru i fwrw ymlaen.</translation>
    </message>
    <message>
        <source>Possible duplicate: {count} person(s) like this are already recorded (cases {cases}). Link the person instead of recording them again.</source>
        <translation>Dyblygiad posibl: mae pobl debyg wedi&apos;u cofnodi eisoes ({count}; achosion {cases}). Cysylltwch y person yn hytrach na&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>&amp;Link this person</source>
        <translation>&amp;Cysylltu&apos;r person hwn</translation>
    </message>
    <message>
        <source>Link {name}{born}</source>
        <translation>Cysylltu {name}{born}</translation>
    </message>
    <message>
        <source>Linked: this referral will be for {name}, already recorded on {cases}. Their details are changed on their case.</source>
        <translation>Wedi cysylltu: bydd yr atgyfeiriad hwn ar gyfer {name}, sydd wedi&apos;i gofnodi eisoes ar {cases}. Caiff eu manylion eu newid ar eu hachos.</translation>
    </message>
    <message>
        <source>&amp;Unlink: record a new person</source>
        <translation>&amp;Datgysylltu: cofnodi person newydd</translation>
    </message>
    <message>
        <source>Fill in the fields marked *.</source>
        <translation>Llenwch y meysydd sydd wedi&apos;u marcio â *.</translation>
    </message>
    <message>
        <source>Answer every eligibility question (yes or no).</source>
        <translation>Atebwch bob cwestiwn cymhwysedd (ie neu na).</translation>
    </message>
    <message>
        <source>The rules say no: give an override reason to go ahead.</source>
        <translation>Mae&apos;r rheolau&apos;n dweud na: rhowch reswm dros ddiystyru i fwrw ymlaen.</translation>
    </message>
    <message>
        <source>Discard referral?</source>
        <translation>Taflu&apos;r atgyfeiriad?</translation>
    </message>
    <message>
        <source>This referral is not saved. Discard it?</source>
        <translation>Nid yw&apos;r atgyfeiriad hwn wedi&apos;i gadw. Ei daflu?</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Unlock Pathways</source>
        <translation>Datgloi Pathways</translation>
    </message>
    <message>
        <source>Sign in to Pathways</source>
        <translation>Mewngofnodi i Pathways</translation>
    </message>
    <message>
        <source>The window was locked after a time without use. {full_name}, enter your password to carry on.</source>
        <translation>Cafodd y ffenestr ei chloi ar ôl cyfnod heb ei defnyddio. {full_name}, rhowch eich cyfrinair i barhau.</translation>
    </message>
    <message>
        <source>Pathways holds sensitive personal data. Sign in with your own account.</source>
        <translation>Mae Pathways yn cadw data personol sensitif. Mewngofnodwch gyda&apos;ch cyfrif eich hun.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Enw defnyddiwr</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Cyfrinair</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Wrthi&apos;n agor y gronfa ddata...</translation>
    </message>
</context>
<context>
    <name>StageBar</name>
    <message>
        <source>Referral &amp;decision...</source>
        <translation>&amp;Penderfyniad atgyfeirio...</translation>
    </message>
    <message>
        <source>Move to &amp;stage</source>
        <translation>Symud i &amp;gam</translation>
    </message>
    <message>
        <source>&amp;Assign...</source>
        <translation>&amp;Neilltuo...</translation>
    </message>
    <message>
        <source>The case is at its last stage.</source>
        <extracomment>buttons shown as the services offer their action (the stage menu is offered per move)</extracomment>
        <translation>Mae&apos;r achos ar ei gam olaf.</translation>
    </message>
    <message>
        <source>Referral decision</source>
        <translation>Penderfyniad atgyfeirio</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Accept onto the scheme</source>
        <translation>Derbyn i&apos;r cynllun</translation>
    </message>
    <message>
        <source>Not eligible / not suitable</source>
        <translation>Ddim yn gymwys / ddim yn addas</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Penderfynwyd ar</translation>
    </message>
    <message>
        <source>Notes (suitability, risk)</source>
        <translation>Nodiadau (addasrwydd, risg)</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Rheswm dros ddiystyru</translation>
    </message>
    <message>
        <source>Needed to accept a referral the rules say no to</source>
        <translation>Mae ei angen i dderbyn atgyfeiriad y mae&apos;r rheolau&apos;n dweud na iddo</translation>
    </message>
    <message>
        <source>Move to {stage}</source>
        <translation>Symud i {stage}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>Assign workers</source>
        <translation>Neilltuo gweithwyr</translation>
    </message>
    <message>
        <source>Co-worker</source>
        <translation>Cydweithiwr</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Loading...</source>
        <translation>Wrthi&apos;n llwytho...</translation>
    </message>
    <message>
        <source>Pathways cannot open the database</source>
        <translation>Ni all Pathways agor y gronfa ddata</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Wrthi&apos;n agor y gronfa ddata...</translation>
    </message>
    <message>
        <source>Sign in to carry on.</source>
        <translation>Mewngofnodwch i barhau.</translation>
    </message>
    <message>
        <source>Opening your work...</source>
        <translation>Wrthi&apos;n agor eich gwaith...</translation>
    </message>
</context>
<context>
    <name>StartupFrame</name>
    <message>
        <source>Pathways</source>
        <translation>Pathways</translation>
    </message>
    <message>
        <source>Loading Pathways...</source>
        <translation>Wrthi&apos;n llwytho Pathways...</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wrthi&apos;n llwytho</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wrthi&apos;n llwytho...</translation>
    </message>
</context>
<context>
    <name>SubjectAccessDialog</name>
    <message>
        <source>Subject access export</source>
        <translation>Allforio ar gyfer cais am fynediad at ddata</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ffolder</translation>
    </message>
    <message>
        <source>A folder on an encrypted or access-controlled drive</source>
        <translation>Ffolder ar yriant wedi&apos;i amgryptio neu â mynediad wedi&apos;i reoli</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Pori...</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ffolder:</translation>
    </message>
    <message>
        <source>Disclosed to</source>
        <translation>Datgelwyd i</translation>
    </message>
    <message>
        <source>Blank: the person themselves</source>
        <translation>Gwag: yr unigolyn ei hun</translation>
    </message>
    <message>
        <source>Organisation (a solicitor acting for them)</source>
        <translation>Sefydliad (cyfreithiwr sy&apos;n gweithredu ar ei ran)</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Sail gyfreithlon</translation>
    </message>
    <message>
        <source>Disclosed &amp;to:</source>
        <translation>Datgel&amp;wyd i:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Sefydliad:</translation>
    </message>
    <message>
        <source>Lawful &amp;basis:</source>
        <translation>Sail gyfreit&amp;hlon:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Everything held about the person, their documents and who accessed their records. Rows about other people are marked for you to redact.</source>
        <translation>Popeth a gedwir am y person, eu dogfennau a phwy a gafodd fynediad at eu cofnodion. Mae rhesi am bobl eraill wedi&apos;u marcio i chi eu golygu allan.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Allforio</translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation>Ffolder ar gyfer yr allforio</translation>
    </message>
    <message>
        <source>Choose a folder for the export.</source>
        <translation>Dewiswch ffolder ar gyfer yr allforio.</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Referred</source>
        <extracomment>Every label ``term()`` translates, for lupdate (its source text is the English label).</extracomment>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <source>Eligibility decided</source>
        <translation>Penderfynwyd ar gymhwysedd</translation>
    </message>
    <message>
        <source>Contract active</source>
        <translation>Contract yn weithredol</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Aseswyd</translation>
    </message>
    <message>
        <source>Consent obtained</source>
        <translation>Cafwyd cydsyniad</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Cynhaliwyd cyfarfod</translation>
    </message>
    <message>
        <source>Agreement monitoring</source>
        <translation>Monitro&apos;r cytundeb</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Yn cymryd rhan</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Cwblhawyd</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Wedi torri&apos;r amodau</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Heb ei gwblhau</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Caewyd</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>Llywiwr</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Hwylusydd</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Cydlynydd</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Gweinyddwr</translation>
    </message>
    <message>
        <source>still in progress</source>
        <translation>yn dal ar y gweill</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>cwblhawyd</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>torrwyd yr amodau</translation>
    </message>
    <message>
        <source>not completed</source>
        <translation>heb ei gwblhau</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>heb ei dderbyn</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Ymyriad</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Apwyntiad</translation>
    </message>
    <message>
        <source>Hours entry</source>
        <translation>Cofnod oriau</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Asesiad o anghenion</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Cydsyniad</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cyfarfod</translation>
    </message>
    <message>
        <source>Agreement action</source>
        <translation>Cam cytundeb</translation>
    </message>
    <message>
        <source>Agreement follow-up</source>
        <translation>Cam dilynol cytundeb</translation>
    </message>
    <message>
        <source>Exit follow-up</source>
        <translation>Cam dilynol ar ôl gadael</translation>
    </message>
    <message>
        <source>Reoffending check</source>
        <translation>Gwiriad aildroseddu</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>Arolwg bodlonrwydd</translation>
    </message>
    <message>
        <source>Agency calls</source>
        <translation>Galwadau i asiantaethau</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Nodyn achos</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Suspect or offender</source>
        <translation>Un a amheuir neu droseddwr</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Tyst</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Delwedd PNG</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>Delwedd JPEG</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Gwirfoddolwr</translation>
    </message>
    <message>
        <source>Registered practitioner</source>
        <translation>Ymarferydd cofrestredig</translation>
    </message>
    <message>
        <source>Accredited practitioner</source>
        <translation>Ymarferydd achrededig</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Sylfaenol</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Enhanced</source>
        <translation>Manwl</translation>
    </message>
    <message>
        <source>Enhanced with barred lists</source>
        <translation>Manwl gyda&apos;r rhestrau gwahardd</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Goruchwyliaeth</translation>
    </message>
    <message>
        <source>Observed practice</source>
        <translation>Arfer a arsylwyd</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>Milltiroedd</translation>
    </message>
    <message>
        <source>Out of pocket</source>
        <translation>Treuliau o&apos;ch poced</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Referral to agency</source>
        <translation>Atgyfeirio at asiantaeth</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygu</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Face-to-face conference</source>
        <translation>Cynhadledd wyneb yn wyneb</translation>
    </message>
    <message>
        <source>Shuttle mediation</source>
        <translation>Cyfryngu gwennol</translation>
    </message>
    <message>
        <source>Letter exchange</source>
        <translation>Cyfnewid llythyrau</translation>
    </message>
    <message>
        <source>Before allocation</source>
        <translation>Cyn dyrannu</translation>
    </message>
    <message>
        <source>Before the meeting</source>
        <translation>Cyn y cyfarfod</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Canolig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>Ymddiheuriad</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Atgyweirio</translation>
    </message>
    <message>
        <source>Making amends</source>
        <translation>Gwneud iawn</translation>
    </message>
    <message>
        <source>Reparative task</source>
        <translation>Tasg wneud iawn</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Cyfranogwr</translation>
    </message>
    <message>
        <source>Harmer</source>
        <translation>Y sawl a achosodd niwed</translation>
    </message>
    <message>
        <source>Harmed party</source>
        <translation>Y sawl a niweidiwyd</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Cefnogwr</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Rhiant neu warcheidwad</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Anneuaidd</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Heb ei nodi</translation>
    </message>
    <message>
        <source>Easy-read</source>
        <translation>Hawdd ei ddeall</translation>
    </message>
    <message>
        <source>Large-print</source>
        <translation>Print bras</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Cymedrol</translation>
    </message>
    <message>
        <source>Domestic abuse</source>
        <translation>Cam-drin domestig</translation>
    </message>
    <message>
        <source>Sexual offence</source>
        <translation>Trosedd rywiol</translation>
    </message>
    <message>
        <source>Hate crime</source>
        <translation>Trosedd casineb</translation>
    </message>
    <message>
        <source>Stalking</source>
        <translation>Stelcian</translation>
    </message>
    <message>
        <source>Other complex case</source>
        <translation>Achos cymhleth arall</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>wedi dod</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>heb ddod</translation>
    </message>
    <message>
        <source>rearranged</source>
        <translation>wedi&apos;i aildrefnu</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi&apos;i ganslo</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>gwirfoddolwr</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>wedi&apos;i oedi</translation>
    </message>
    <message>
        <source>left</source>
        <translation>wedi gadael</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>yn aros</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>cymwys</translation>
    </message>
    <message>
        <source>not-eligible</source>
        <translation>ddim yn gymwys</translation>
    </message>
    <message>
        <source>start</source>
        <translation>dechrau</translation>
    </message>
    <message>
        <source>review</source>
        <translation>adolygu</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>gadael</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>drafft</translation>
    </message>
    <message>
        <source>active</source>
        <translation>gweithredol</translation>
    </message>
    <message>
        <source>open</source>
        <translation>agored</translation>
    </message>
    <message>
        <source>met</source>
        <translation>bodlonwyd</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>ni fodlonwyd</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Nid yw&apos;r ddau gyfrinair newydd yr un fath.</translation>
    </message>
    <message>
        <source>An administrator set your password. Choose your own before you go on.</source>
        <translation>Gosododd gweinyddwr eich cyfrinair. Dewiswch eich un eich hun cyn parhau.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Newid fy nghyfrinair</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Cyfrinair presennol</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Cyfrinair newydd</translation>
    </message>
    <message>
        <source>At least {MIN_PASSWORD_LENGTH} characters</source>
        <translation>O leiaf {MIN_PASSWORD_LENGTH} nod</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Cyfrinair newydd eto</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Newid cyfrinair</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Defnyddwyr</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cyfrif</translation>
    </message>
    <message>
        <source>&amp;Add user...</source>
        <translation>&amp;Ychwanegu defnyddiwr...</translation>
    </message>
    <message>
        <source>&amp;Reset password...</source>
        <translation>&amp;Ailosod cyfrinair...</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Analluogi</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Galluogi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source> + coordinator</source>
        <translation> + cydlynydd</translation>
    </message>
    <message>
        <source>active</source>
        <translation>gweithredol</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>wedi&apos;i analluogi</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Ychwanegu defnyddiwr</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Enw llawn</translation>
    </message>
    <message>
        <source>Also coordinates</source>
        <translation>Hefyd yn cydlynu</translation>
    </message>
    <message>
        <source>an administrator who also coordinates cases</source>
        <translation>gweinyddwr sydd hefyd yn cydlynu achosion</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Cyfrinair cyntaf</translation>
    </message>
    <message>
        <source>They choose their own at the first sign-in</source>
        <translation>Maen nhw&apos;n dewis eu cyfrinair eu hunain wrth fewngofnodi am y tro cyntaf</translation>
    </message>
    <message>
        <source>First password again</source>
        <translation>Cyfrinair cyntaf eto</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Dewiswch ddefnyddiwr yn gyntaf.</translation>
    </message>
    <message>
        <source>Reset the password of {username}</source>
        <translation>Ailosod cyfrinair {username}</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Cyfrinair newydd</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Cyfrinair newydd eto</translation>
    </message>
    <message>
        <source>The account is unlocked; they choose their own password at their next sign-in.</source>
        <translation>Mae&apos;r cyfrif wedi&apos;i ddatgloi; maen nhw&apos;n dewis eu cyfrinair eu hunain y tro nesaf y byddant yn mewngofnodi.</translation>
    </message>
</context>
<context>
    <name>_Loader</name>
    <message>
        <source>Pathways could not start ({error}: {exc}).</source>
        <translation>Nid oedd modd cychwyn Pathways ({error}: {exc}).</translation>
    </message>
</context>
</TS>
