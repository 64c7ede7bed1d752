/**
 * Local-culture stories of the demo library, written from ../shared/content/bitung-facts.md.
 * Only facts from that sheet; what it marks unconfirmed is left out. Each story lists its sources.
 */
import type { SourceCatalogInput } from '../../src/domain/source/schema.ts';

type SourceStory = NonNullable<SourceCatalogInput['stories']>[number];

export const stories: SourceStory[] = [
  {
    id: 'kota-cakalang',
    featured: true,
    topics: ['laut', 'ekonomi'],
    title: { id: 'Bitung, Kota Cakalang', en: 'Bitung, the Skipjack City' },
    summary: {
      id: 'Mengapa Bitung dijuluki Kota Cakalang, dan ikan apa yang membuat pabriknya sibuk.',
      en: 'Why Bitung is called the Skipjack City, and which fish keeps its plants busy.',
    },
    body: {
      id: `Orang yang masuk ke Bitung melewati sebuah **patung ikan cakalang**. Patung itu bukan hiasan biasa: Bitung dijuluki *Kota Cakalang*, kota ikan cakalang.

Pada 2023 wali kota menyebut bahwa 7 dari 14 pabrik pengolahan ikan besar di Indonesia berada di Bitung. Sekitar 80% ikan yang diolah di sana adalah cakalang, dan 20% tuna jenis lain.

Bitung juga punya julukan lain, *Kota Serba Dimensi*: kota pelabuhan, industri, perdagangan, pariwisata, dan pemerintahan sekaligus.`,
      en: `Travellers entering Bitung pass a **skipjack statue**. It is more than decoration: Bitung is nicknamed *Kota Cakalang*, the skipjack city.

In 2023 the mayor said that 7 of Indonesia's 14 large fish-processing plants are in Bitung. About 80% of the fish they process is skipjack, and 20% other kinds of tuna.

Bitung has another nickname, *Kota Serba Dimensi*: a city that is port, industry, trade, tourism and government at once.`,
    },
    books: ['old-man-and-the-sea', 'sea-around-us'],
    shelves: ['sains'],
    sources: [
      { title: 'tvOnenews: Maurits Mantiri dari ujung Sulawesi, Kota Bitung mendunia' },
      {
        title: 'windonesia.com: Bitung',
        url: 'https://windonesia.com/region/north-sulawesi/bitung',
      },
      { title: 'sulut.inews.id: Kota Bitung terus mekar' },
    ],
    model: { file: 'models/cakalang.glb', position: [0, 0, 0.3], rotation: [0, 0, 0], scale: 0.9 },
  },
  {
    id: 'cakalang-fufu',
    topics: ['makanan', 'laut'],
    title: {
      id: 'Cakalang Fufu, Ikan Asap dari Bitung',
      en: 'Cakalang Fufu, Smoked Fish from Bitung',
    },
    summary: {
      id: 'Ikan cakalang dijepit bambu dan diasapi berjam-jam agar awet sebulan.',
      en: 'Skipjack clipped onto bamboo and smoked for hours so that it keeps for a month.',
    },
    body: {
      id: `*Cakalang fufu* adalah ikan cakalang yang diasapi. Ikan dijepit pada **rangka bambu**, diawetkan, lalu diasapi di atas sabut kelapa selama sekitar empat jam.

Hasilnya tahan sekitar satu bulan. Bitung adalah tempat utama pembuatan cakalang fufu.

Di dapur Sulawesi Utara, ikan sering dimasak dengan *woku*: bumbu dari jahe merah, kunyit, kemiri, cabai, dan daun-daunan. Namanya berasal dari daun woka yang dulu dipakai untuk membungkus.`,
      en: `*Cakalang fufu* is smoked skipjack. The fish is clipped onto a **bamboo frame**, cured, then smoked over coconut husk for about four hours.

It then keeps for about a month. Bitung is the main place where cakalang fufu is made.

In North Sulawesi kitchens, fish is often cooked with *woku*: a paste of red ginger, turmeric, candlenut, chili and herbs. It is named after the woka leaves once used for wrapping.`,
    },
    books: ['old-man-and-the-sea'],
    shelves: [],
    sources: [
      { title: 'Wikipedia: Cakalang fufu', url: 'https://en.wikipedia.org/wiki/Cakalang_fufu' },
      { title: 'Wikipedia: Woku', url: 'https://en.wikipedia.org/wiki/Woku' },
    ],
    model: { file: 'models/cakalang.glb', position: [0, 0, 0.3], scale: 0.9 },
  },
  {
    id: 'selat-lembeh',
    featured: true,
    topics: ['laut', 'lembeh'],
    title: {
      id: 'Selat Lembeh dan Penyamar di Pasir Hitam',
      en: 'Lembeh Strait and the Masters of Disguise',
    },
    summary: {
      id: 'Selat sempit di depan Bitung yang terkenal di dunia karena hewan-hewan kecil penyamar.',
      en: 'The narrow strait off Bitung, world-famous for its small masters of disguise.',
    },
    body: {
      id: `Selat Lembeh panjangnya sekitar 16 km dan lebarnya hanya 1 sampai 2 km. Di sana ada kira-kira 95 titik selam.

Selat ini terkenal di dunia karena **muck diving**: menyelam untuk mencari hewan kecil yang pandai menyamar di pasir vulkanik yang gelap.

Bintangnya antara lain:
- **gurita mimik**, yang meniru ular laut, ikan singa, dan ikan sebelah;
- **gurita kelapa**, yang bersembunyi di cangkang dan sabut kelapa;
- ikan kodok berbulu, kuda laut kerdil, sotong flamboyan, dan gurita cincin biru.`,
      en: `Lembeh Strait is about 16 km long and only 1 to 2 km wide, with roughly 95 dive sites.

It is world-famous for **muck diving**: searching dark volcanic sand for small animals that are experts at disguise.

Its stars include:
- the **mimic octopus**, which copies sea snakes, lionfish and flatfish;
- the **coconut octopus**, which hides in shells and coconut husks;
- the hairy frogfish, the pygmy seahorse, the flamboyant cuttlefish and the blue-ringed octopus.`,
    },
    books: ['twenty-thousand-leagues', 'sea-around-us'],
    shelves: ['sains'],
    sources: [
      { title: 'CNN Indonesia: Selat Lembeh (2016)' },
      {
        title: 'Follow the Boat: Muck diving the Lembeh Strait',
        url: 'https://followtheboat.com/muck-diving-the-lembeh-strait/',
      },
      { title: 'Skin Diver: Muck Beauties' },
    ],
    model: { file: 'models/octopus.glb', position: [0, 0, 0.25], scale: 0.8 },
  },
  {
    id: 'naga-laut-lembeh',
    topics: ['laut', 'lembeh', 'sains'],
    title: { id: 'Naga Laut Lembeh yang Mungil', en: 'The Tiny Lembeh Sea Dragon' },
    summary: {
      id: 'Ikan pipa-kuda sepanjang 26,8 mm yang dinamai menurut pemandu selam yang menemukannya.',
      en: 'A 26.8 mm pipehorse named after the dive guide who found it.',
    },
    body: {
      id: `Pada 2007 ilmuwan M. Gomon memberi nama sebuah **genus dan spesies baru** ikan pipa-kuda: *Kyonemichthys rumengani*, yang kini dikenal sebagai "naga laut Lembeh".

Gomon mendeskripsikannya dari satu spesimen saja, panjangnya 26,8 mm, yang ditangkap di Selat Lembeh.

Nama *rumengani* menghormati **Noldy Rumengan**, pemandu selam dari Manado yang menemukannya. Penemuan ini menunjukkan bahwa mata yang teliti dari warga setempat bisa menambah pengetahuan dunia.`,
      en: `In 2007 the scientist M. Gomon named a **new genus and species** of pipehorse: *Kyonemichthys rumengani*, now known as the "Lembeh sea dragon".

Gomon described it from a single specimen, 26.8 mm long, caught in Lembeh Strait.

The name *rumengani* honours **Noldy Rumengan**, the Manado dive guide who found it. A local guide's sharp eyes added to what the world knows.`,
    },
    books: ['origin-of-species'],
    shelves: ['sains'],
    sources: [
      {
        title:
          'aqua, International Journal of Ichthyology: A new genus and miniature species of pipehorse',
      },
      { title: 'Undersea Productions' },
    ],
  },
  {
    id: 'tarsius-tangkoko',
    featured: true,
    topics: ['tangkoko', 'satwa'],
    title: { id: 'Tangkasi, Tarsius dari Tangkoko', en: 'Tangkasi, the Tarsier of Tangkoko' },
    summary: {
      id: 'Primata kecil bermata besar yang menjadi satwa resmi Kota Bitung.',
      en: "The small, big-eyed primate that is Bitung's official city animal.",
    },
    body: {
      id: `Satwa resmi Kota Bitung adalah **tarsius**. Di Cagar Alam Tangkoko, sekitar 20 km dari pusat kota, hidup tarsius yang kini digolongkan sebagai *Tarsius spectrumgurskyae*, tarsius hantu Gursky.

Spesies ini dideskripsikan pada 2017. Namanya menghormati ahli primata **Sharon Gursky**.

Orang setempat menyebutnya *tangkasi* atau *wusing*. Tarsius dewasa beratnya hanya sekitar 95 sampai 126 gram.`,
      en: `Bitung's official city animal is the **tarsier**. In the Tangkoko reserve, about 20 km from the city centre, lives a tarsier now classed as *Tarsius spectrumgurskyae*, Gursky's spectral tarsier.

The species was described in 2017. Its name honours the primatologist **Sharon Gursky**.

Local people call it *tangkasi* or *wusing*. An adult weighs only about 95 to 126 grams.`,
    },
    books: ['spectral-tarsier', 'ecology-of-sulawesi'],
    shelves: ['sains'],
    sources: [
      {
        title: "Wikipedia: Gursky's spectral tarsier",
        url: 'https://en.wikipedia.org/wiki/Gursky%27s_spectral_tarsier',
      },
      { title: 'Wikipedia bahasa Indonesia: Kota Bitung' },
      { title: 'richmountain.wordpress.com: Cagar Alam Gunung Tangkoko (2009)' },
    ],
    model: { file: 'models/tarsier.glb', position: [0, 0, 0.2], scale: 0.7 },
  },
  {
    id: 'yaki',
    topics: ['tangkoko', 'satwa'],
    title: { id: 'Yaki, Monyet Hitam Berjambul', en: 'Yaki, the Crested Black Macaque' },
    summary: {
      id: 'Monyet hitam legam dari Tangkoko yang kini sangat terancam punah.',
      en: 'The jet-black macaque of Tangkoko, now critically endangered.',
    },
    body: {
      id: `**Yaki** (*Macaca nigra*) berbulu hitam legam, berjambul di kepala, dan hampir tidak berekor.

IUCN menggolongkannya **Kritis** (Critically Endangered). Dalam 30 tahun jumlahnya turun 75 sampai 90%, terutama karena perburuan dan penebangan hutan.

Pada 2011 seekor yaki jantan di Tangkoko membuat "swafoto monyet" yang terkenal itu.`,
      en: `The **yaki** (*Macaca nigra*) is jet-black, with a crest on its head and almost no tail.

The IUCN lists it as **Critically Endangered**. Its numbers fell by 75 to 90% in 30 years, mainly because of hunting and logging.

In 2011 a male yaki in Tangkoko took the famous "monkey selfie".`,
    },
    books: ['ecology-of-sulawesi', 'silent-spring'],
    shelves: ['sains'],
    sources: [
      { title: 'Danish et al. 2016 (docslib.org)' },
      { title: "Oryx blog: Don't be camera shy" },
    ],
  },
  {
    id: 'batu-angus',
    featured: true,
    topics: ['tangkoko', 'gunung'],
    title: { id: 'Batu Angus, Batu yang Terbakar', en: 'Batu Angus, the Burnt Rock' },
    summary: {
      id: 'Kubah lava yang lahir pada 1801 di lereng Gunung Tangkoko.',
      en: 'The lava dome born in 1801 on the flank of Mount Tangkoko.',
    },
    body: {
      id: `Gunung **Tangkoko** (1.149 m) meletus pada abad ke-17 dan pada 1801. Pada tahun 1801 itu pula terbentuk kubah lava **Batu Angus** di lereng timurnya.

*Batu angus* berarti "batu yang terbakar". Kubah ini, bersama satu kawah di dekatnya, menjadi sumber semua letusan berikutnya. Letusan terakhir terjadi pada 1880.

Sekitar 4,5 km di barat daya berdiri **Duasudara**, gunung berpuncak kembar yang namanya berarti "dua bersaudara". Pada Oktober 2002 gempa-gempa membuat status gunung api ini dinaikkan.`,
      en: `Mount **Tangkoko** (1,149 m) erupted in the 17th century and in 1801. In that same year of 1801 the **Batu Angus** lava dome formed on its eastern flank.

*Batu angus* means "burnt rock". The dome, with a vent nearby, caused every later eruption; the last was in 1880.

About 4.5 km to the southwest stands **Duasudara**, a twin-peaked mountain whose name means "two siblings". In October 2002, earthquakes raised the volcano's alert level.`,
    },
    books: ['krakatoa', 'ecology-of-sulawesi'],
    shelves: ['sains'],
    sources: [
      {
        title: 'Smithsonian Global Volcanism Program: Tangkoko-Duasudara',
        url: 'https://volcano.si.edu/volcano.cfm?vn=266130',
      },
      { title: 'foxkawanua.com: Sejarah terbentuknya Batu Angus' },
    ],
    model: { file: 'models/volcano.glb', position: [0, 0, 0.05], scale: 0.9 },
  },
  {
    id: 'tulude',
    featured: true,
    topics: ['budaya', 'sangihe'],
    title: { id: 'Tulude, Syukur Penutup Tahun', en: 'Tulude, Thanksgiving that Closes the Year' },
    summary: {
      id: 'Upacara syukur orang Sangihe, Sitaro, dan Talaud yang dirayakan Bitung setiap akhir Januari.',
      en: 'The Sangihe, Sitaro and Talaud thanksgiving that Bitung celebrates every late January.',
    },
    body: {
      id: `Banyak warga Bitung berakar dari **Sangir** (Nusa Utara). Salah satu tradisi mereka adalah **Tulude**, upacara syukur yang "menutup tahun". Tulude diadakan pada akhir Januari, menurut tradisi tanggal 31 Januari.

Kota Bitung menggelarnya setiap tahun bersama komunitas Nusa Utara. Seorang tetua memotong *kue tamo*, kue nasi berbentuk piramida, sambil berbicara dalam bahasa Sangihe yang resmi.

Ada tarian **Salo** dan **Gunde**, paduan suara *masamper*, dan doa yang dipimpin oleh enam agama.`,
      en: `Many Bitung residents have **Sangir** (Nusa Utara) roots. One of their traditions is **Tulude**, the thanksgiving that "closes the year". It is held in late January, traditionally on 31 January.

The city of Bitung holds it every year with the Nusa Utara community. An elder cuts the *kue tamo*, a pyramid-shaped rice cake, while speaking formal Sangihe.

There are **Salo** and **Gunde** dances, *masamper* choirs, and prayers led by six faiths.`,
    },
    books: [],
    shelves: ['sosial'],
    sources: [
      { title: 'traverse.id: Tulude' },
      { title: 'Tribun Manado, 3 Februari 2022' },
      { title: 'Jurnal Holistik, Universitas Sam Ratulangi' },
    ],
  },
  {
    id: 'mapalus',
    topics: ['budaya', 'minahasa'],
    title: { id: 'Mapalus, Bekerja Bersama', en: 'Mapalus, Working Together' },
    summary: {
      id: 'Cara orang Minahasa saling membantu, dari ladang sampai pesta pernikahan.',
      en: 'How Minahasa people help one another, from the fields to weddings.',
    },
    body: {
      id: `**Mapalus** adalah sistem tolong-menolong orang Minahasa.

Awalnya, warga bergiliran mengerjakan ladang satu sama lain, dari membuka lahan sampai panen. Hari ini ladangmu, besok ladangku.

Lama-kelamaan mapalus juga dipakai untuk **membangun rumah**, menyiapkan **pernikahan**, dan membantu keluarga yang berduka saat **pemakaman**. Perpustakaan pun bekerja dengan semangat yang sama: buku dipakai bergiliran oleh semua orang.`,
      en: `**Mapalus** is the Minahasa system of mutual help.

It began with neighbours taking turns to work each other's fields, from clearing the land to the harvest. Today your field, tomorrow mine.

In time mapalus came to cover **building houses**, **weddings** and **funerals** too. A library works in the same spirit: everyone takes turns with the books.`,
    },
    books: ['manusia-indonesia'],
    shelves: ['sosial'],
    sources: [
      { title: 'Sriwigati 2004, BPNB Kalimantan Barat (pustaka-bpnbkalbar.org)' },
      { title: 'visitsulut.com: Mapalus', url: 'https://visitsulut.com/mapalus/' },
    ],
  },
  {
    id: 'kabasaran',
    topics: ['budaya', 'minahasa', 'tari'],
    title: { id: 'Kabasaran, Tari Perang Minahasa', en: 'Kabasaran, the Minahasa War Dance' },
    summary: {
      id: 'Penari berbaju merah dengan pedang dan perisai yang kini menyambut tamu.',
      en: 'Dancers in red with sword and shield who now welcome guests.',
    },
    body: {
      id: `**Kabasaran** adalah tari perang Minahasa. Penarinya laki-laki berbaju merah yang membawa pedang atau tombak dan sebuah perisai.

Dulu para penari adalah penjaga kampung. Saat perang mereka menjadi prajurit, *waranei*. Peran ini diwariskan turun-temurun.

Nama kabasaran berasal dari *kawasalan*: menari seperti dua ayam jantan yang sedang berlaga. Kini tarian ini dipakai untuk **menyambut tamu**.`,
      en: `**Kabasaran** is a Minahasa war dance, performed by men in red who carry a sword or spear and a shield.

The dancers were once village guards. In war they became warriors, *waranei*, and the role passed down by descent.

The name comes from *kawasalan*: dancing like two fighting cocks. Today the dance is used to **welcome guests**.`,
    },
    books: [],
    shelves: ['sosial'],
    sources: [{ title: 'Wikipedia: Kabasaran' }, { title: 'helloindonesia.id' }],
    model: { file: 'models/shield.glb', position: [0, 0, 0.1], rotation: [90, 0, 0], scale: 0.8 },
  },
  {
    id: 'kolintang',
    featured: true,
    topics: ['budaya', 'minahasa', 'musik'],
    title: { id: 'Kolintang, Bilah Kayu yang Bernyanyi', en: 'Kolintang, the Singing Wooden Bars' },
    summary: {
      id: 'Alat musik kayu Minahasa yang diakui UNESCO pada 2024 bersama balafon.',
      en: 'The Minahasa wooden instrument that UNESCO inscribed in 2024 with the balafon.',
    },
    body: {
      id: `**Kolintang** terdiri dari deretan bilah kayu yang disetel nadanya, dipasang di atas sebuah kotak kayu, lalu dipukul dengan pemukul.

Pada **5 Desember 2024** UNESCO mencatat kolintang bersama **balafon** dari Afrika Barat: dua alat musik dari dua benua dalam satu catatan.`,
      en: `The **kolintang** is made of rows of tuned wooden bars over a wooden box, struck with mallets.

On **5 December 2024** UNESCO inscribed the kolintang jointly with the **balafon** of West Africa: two instruments from two continents in one inscription.`,
    },
    books: [],
    shelves: ['sosial'],
    sources: [
      { title: 'VOI: Kolintang (voinews.id)' },
      { title: 'traveltext.id, 6 Desember 2024' },
    ],
    model: { file: 'models/kolintang.glb', position: [0, 0, 0.1], scale: 1 },
  },
  {
    id: 'maengket',
    topics: ['budaya', 'minahasa', 'tari'],
    title: { id: 'Maengket, Tari dalam Tiga Babak', en: 'Maengket, a Dance in Three Parts' },
    summary: {
      id: 'Nyanyian dan tarian Minahasa tentang panen, rumah baru, dan anak muda.',
      en: 'A Minahasa song and dance about harvest, a new house and young love.',
    },
    body: {
      id: `**Maengket** adalah nyanyian dan tarian Minahasa dalam tiga bagian:

1. **Maowey Kamberu**, syukur atas panen padi;
2. **Marambak**, untuk rumah baru yang dibangun dengan mapalus;
3. **Lalayaan**, tentang anak muda yang saling mencari jodoh.`,
      en: `**Maengket** is a Minahasa song and dance in three parts:

1. **Maowey Kamberu**, thanks for the rice harvest;
2. **Marambak**, for a new house built by mapalus;
3. **Lalayaan**, about young people's courtship.`,
    },
    books: [],
    shelves: ['sosial'],
    sources: [{ title: 'indonesiandance46.blogspot.com: Maengket dance (2010)' }],
  },
  {
    id: 'pelabuhan-bitung',
    topics: ['laut', 'ekonomi', 'sejarah'],
    title: { id: 'Pelabuhan yang Dilindungi Pulau Lembeh', en: 'The Harbour that Lembeh Shelters' },
    summary: {
      id: 'Pelabuhan terbesar di Sulawesi Utara, dengan kapal ke Davao dan General Santos.',
      en: 'The largest port in North Sulawesi, with ferries to Davao and General Santos.',
    },
    body: {
      id: `Pelabuhan Bitung adalah pelabuhan terbesar di Sulawesi Utara. Ia adalah **pelabuhan alam**: Pulau Lembeh melindunginya dari ombak.

Presiden **Sukarno** meletakkan batu pertama dermaganya pada 1953. Pada 2012 Bitung ditetapkan sebagai pelabuhan hub internasional, dan ada kapal feri ke **Davao** dan **General Santos** di Filipina. Pada triwulan pertama 2025 terminal peti kemasnya menangani 74.928 TEU.

Di Aertembaga ada pelabuhan lain, khusus ikan: **PPS Bitung**. Uji coba operasinya dimulai pada 2004, dan pada 6 Oktober 2008 ia naik kelas menjadi Pelabuhan Perikanan Samudera.`,
      en: `The Port of Bitung is the largest port in North Sulawesi. It is a **natural harbour**: Lembeh Island shelters it from the waves.

President **Sukarno** laid the first stone of its wharf in 1953. In 2012 Bitung was named an international hub port, and ferries sail to **Davao** and **General Santos** in the Philippines. In the first quarter of 2025 its container terminal handled 74,928 TEU.

In Aertembaga there is another port, just for fish: **PPS Bitung**. It began trial operations in 2004 and became an ocean fishing port on 6 October 2008.`,
    },
    books: ['spice-islands-voyage'],
    shelves: ['sejarah'],
    sources: [
      { title: 'Wikipedia: Port of Bitung' },
      { title: 'Kompas Money, 12 Juli 2023' },
      { title: 'labirin.id' },
      {
        title: 'Zona Utara: Pelabuhan Perikanan Samudera Bitung (2019)',
        url: 'https://zonautara.com/2019/09/01/foto-pelabuhan-perikanan-samudera-bitung/',
      },
    ],
    model: { file: 'models/crane.glb', position: [0, 0, 0], scale: 1 },
  },
  {
    id: 'wallace-di-tangkoko',
    topics: ['sejarah', 'tangkoko', 'sains'],
    title: { id: 'Wallace di Tangkoko', en: 'Wallace at Tangkoko' },
    summary: {
      id: 'Pada 1861 naturalis Alfred Russel Wallace mengumpulkan babirusa dan maleo di sini.',
      en: 'In 1861 the naturalist Alfred Russel Wallace collected babirusa and maleo here.',
    },
    body: {
      id: `Pada **1861** naturalis **Alfred Russel Wallace** mengumpulkan babirusa dan burung maleo di Tangkoko. Kisah perjalanannya di Nusantara ia tulis dalam buku *The Malay Archipelago* (1869), yang ada di rak sejarah kami.

Maleo dulu bertelur di pantai pasir hitam Tangkoko, tetapi koloni itu sudah hilang pada 1915.

Hutan ini pertama kali dilindungi oleh aturan kolonial Belanda pada 1919. Cagar Alam Duasudara ditambahkan pada 1978, lalu pada 1981 Cagar Alam Tangkoko Batuangus dan dua taman wisata alam. Luas seluruhnya sekitar 8.745 ha, dikelola BKSDA Sulawesi Utara.`,
      en: `In **1861** the naturalist **Alfred Russel Wallace** collected babirusa and maleo birds at Tangkoko. He told the story of his travels in the archipelago in *The Malay Archipelago* (1869), which stands on our history shelf.

Maleo once laid their eggs on Tangkoko's black-sand beach, but that colony was gone by 1915.

Dutch colonial rules first protected the forest in 1919. The Duasudara reserve was added in 1978, and in 1981 the Tangkoko Batuangus reserve and two nature-tourism parks. Together they cover about 8,745 ha, run by BKSDA North Sulawesi.`,
    },
    books: ['malay-archipelago', 'song-of-the-dodo'],
    shelves: ['sejarah', 'sains'],
    sources: [
      { title: 'richmountain.wordpress.com: Cagar Alam Gunung Tangkoko (2009)' },
      { title: 'tourtangkoko.wordpress.com: About' },
    ],
  },
  {
    id: 'burung-tangkoko',
    topics: ['tangkoko', 'satwa'],
    title: { id: 'Rangkong dan Burung Manguni', en: 'Hornbills and the Manguni Owl' },
    summary: {
      id: 'Burung-burung hutan Tangkoko, termasuk burung hantu lambang Minahasa.',
      en: "Tangkoko's forest birds, including the owl that is an emblem of Minahasa.",
    },
    body: {
      id: `Selain tarsius dan yaki, hutan Tangkoko dihuni **julang Sulawesi** (*Rhyticeros cassidix*), kangkareng Sulawesi, dan kuskus beruang.

Ada pula **burung Manguni** (*Otus manadensis*), burung hantu kecil yang menjadi lambang Minahasa.`,
      en: `Besides tarsiers and yaki, Tangkoko's forest is home to the **knobbed hornbill** (*Rhyticeros cassidix*), the Sulawesi dwarf hornbill and the bear cuscus.

There is also the **Manguni owl** (*Otus manadensis*), a small owl that is an emblem of Minahasa.`,
    },
    books: ['ecology-of-sulawesi'],
    shelves: ['sains'],
    sources: [{ title: 'tangkokowildlifetour.com' }],
    model: { file: 'models/hornbill.glb', position: [0, 0, 0.2], scale: 0.8 },
  },
  {
    id: 'nama-bitung',
    topics: ['sejarah'],
    title: { id: 'Dari Pohon Bitung Menjadi Kota', en: 'From the Bitung Tree to a City' },
    summary: {
      id: 'Nama kota ini berasal dari pohon peneduh para nelayan.',
      en: 'The city takes its name from trees that shaded fishermen.',
    },
    body: {
      id: `Nama **Bitung** berasal dari pohon-pohon *bitung* yang meneduhi para nelayan di pantai, sekitar akhir abad ke-18 atau awal abad ke-19. Pohon jenis apa persisnya masih diperdebatkan.

Pada **10 April 1975** Bitung menjadi kota administratif pertama di Indonesia. Undang-undang tahun 1990 menjadikannya kotamadya penuh, yang diresmikan pada **10 Oktober 1990** dengan wali kota pertama S.H. Sarundajang. Karena itu ulang tahun kota dirayakan setiap 10 Oktober.

Dari 3 kecamatan, Bitung kini punya 8 kecamatan, termasuk Lembeh Utara dan Lembeh Selatan di pulau seberang.`,
      en: `The name **Bitung** comes from *bitung* trees that shaded fishermen on the shore, around the late 1700s or early 1800s. Exactly which tree it was is still debated.

On **10 April 1975** Bitung became Indonesia's first administrative city. A 1990 law made it a full municipality, inaugurated on **10 October 1990** with S.H. Sarundajang as its first mayor, which is why the city celebrates its birthday every 10 October.

From 3 districts, Bitung has grown to 8, including North and South Lembeh on the island across the strait.`,
    },
    books: ['history-of-modern-indonesia'],
    shelves: ['sejarah'],
    sources: [
      { title: 'Toponim Sulawesi (online.flipbuilder.com)' },
      { title: 'sulut.inews.id: Kota Bitung terus mekar' },
      { title: 'liputan6.com' },
    ],
  },
];
