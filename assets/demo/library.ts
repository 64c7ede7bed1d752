/**
 * The Bitung demo library: its details, shelves, tours and events. Opening hours, rooms, events and
 * holdings are demo values (the library's address and hours are not confirmed), and the app says so.
 */
import { DRAWN_PLAN_DESK } from '../../src/domain/floorplan.ts';
import type { SourceCatalogInput } from '../../src/domain/source/schema.ts';
import { books } from './books.ts';
import { titled } from './models.ts';
import { stories } from './stories.ts';

type Shelf = SourceCatalogInput['shelves'][number];
type Tour = NonNullable<SourceCatalogInput['tours']>[number];
type LibraryEvent = NonNullable<SourceCatalogInput['events']>[number];

export const shelves: Shelf[] = [
  {
    id: 'sains',
    label: { id: 'Ilmu Alam', en: 'Natural Sciences' },
    ddc: { from: '500', to: '599' },
    position: { x: 60, y: 70, width: 220, height: 36 },
    sign: 'signs/sains.jpg',
    highlights: ['spectral-tarsier', 'ecology-of-sulawesi'],
  },
  {
    id: 'sosial',
    label: { id: 'Ilmu Sosial', en: 'Social Sciences' },
    ddc: { from: '300', to: '399' },
    position: { x: 60, y: 170, width: 220, height: 36 },
    sign: 'signs/sosial.jpg',
    highlights: ['door-duisternis-tot-licht'],
  },
  {
    id: 'sastra-indonesia',
    label: { id: 'Sastra Indonesia', en: 'Indonesian Literature' },
    ddc: { from: '899.2', to: '899.29' },
    position: { x: 420, y: 70, width: 260, height: 36 },
    sign: 'signs/sastra-indonesia.jpg',
    highlights: ['laskar-pelangi', 'bumi-manusia'],
  },
  {
    id: 'sastra-dunia',
    label: { id: 'Sastra Dunia', en: 'World Literature' },
    ddc: { from: '800', to: '898' },
    position: { x: 420, y: 170, width: 260, height: 36 },
    sign: 'signs/sastra-dunia.jpg',
    highlights: ['old-man-and-the-sea', 'max-havelaar'],
  },
  {
    id: 'sejarah',
    label: { id: 'Sejarah & Geografi', en: 'History & Geography' },
    ddc: { from: '900', to: '999' },
    position: { x: 420, y: 270, width: 260, height: 36 },
    sign: 'signs/sejarah.jpg',
    highlights: ['malay-archipelago'],
  },
  {
    id: 'anak',
    label: { id: 'Koleksi Anak', en: "Children's Corner" },
    ddc: { from: '000', to: '999' },
    position: { x: 60, y: 280, width: 220, height: 110 },
    sign: 'signs/anak.jpg',
    highlights: ['very-hungry-caterpillar', 'little-prince'],
  },
];

const YOUNGEST = { id: 'Anak 7–9 tahun', en: 'Children 7–9' };

const childrenTour: Tour = {
  id: 'jejak-tangkasi',
  title: { id: 'Jejak Si Tangkasi', en: 'Follow the Tangkasi' },
  description: {
    id: 'Tarsius kecil dari Tangkoko mengajakmu berkeliling perpustakaan. Pindai buku, jawab pertanyaan, dan dapatkan lencana!',
    en: 'A little tarsier from Tangkoko shows you around the library. Scan books, answer questions and earn a badge!',
  },
  audience: { minAge: 7, maxAge: 12, label: { id: 'Anak 7–12 tahun', en: 'Children 7–12' } },
  minutes: 30,
  // The stops' own texts suit 10–12; the youngest get short sentences.
  bands: [{ id: 'kecil', audience: { minAge: 7, maxAge: 9, label: YOUNGEST } }],
  stops: [
    {
      id: 'rak-anak',
      find: { kind: 'shelf', id: 'anak' },
      instruction: {
        id: 'Cari papan rak Koleksi Anak, lalu arahkan kamera ke papan itu.',
        en: "Find the Children's Corner sign and point the camera at it.",
      },
      narration: {
        id: 'Halo! Aku Tangkasi, tarsius dari Tangkoko. Di rak ini ada buku-buku untukmu. Ayo kita cari buku pertama!',
        en: "Hello! I'm Tangkasi, a tarsier from Tangkoko. This shelf has books just for you. Let's find the first one!",
      },
      forBands: {
        kecil: {
          instruction: {
            id: 'Cari papan Koleksi Anak. Arahkan kamera ke papan itu.',
            en: "Find the Children's Corner sign. Point the camera at it.",
          },
          narration: {
            id: 'Halo! Aku Tangkasi. Aku tarsius dari Tangkoko. Ayo cari buku!',
            en: "Hello! I am Tangkasi. I am a tarsier from Tangkoko. Let's find books!",
          },
        },
      },
    },
    {
      id: 'ulat-lapar',
      find: { kind: 'book', id: 'very-hungry-caterpillar' },
      instruction: {
        id: 'Cari buku tentang ulat yang sangat lapar dan pindai sampulnya.',
        en: 'Find the book about a very hungry caterpillar and scan its cover.',
      },
      narration: {
        id: 'Ulat ini makan terus selama seminggu. Setelah itu ia tidur di dalam kepompong, lalu keluar dengan sayap yang indah.',
        en: 'This caterpillar eats for a whole week. Then it sleeps in a cocoon and comes out with beautiful wings.',
      },
      question: {
        prompt: { id: 'Ulat itu berubah menjadi apa?', en: 'What does the caterpillar turn into?' },
        choices: [
          { id: 'Kupu-kupu', en: 'A butterfly' },
          { id: 'Ikan', en: 'A fish' },
          { id: 'Burung', en: 'A bird' },
        ],
        answer: 0,
        explanation: {
          id: 'Betul, ulat berubah menjadi kupu-kupu!',
          en: 'Yes, the caterpillar becomes a butterfly!',
        },
      },
      forBands: {
        kecil: {
          instruction: {
            id: 'Cari buku ulat yang lapar. Pindai sampulnya.',
            en: 'Find the hungry caterpillar book. Scan its cover.',
          },
          narration: {
            id: 'Ulat itu makan terus. Lalu ia tidur di kepompong. Lalu ia keluar dengan sayap!',
            en: 'The caterpillar eats and eats. Then it sleeps in a cocoon. Then it comes out with wings!',
          },
        },
      },
    },
    {
      id: 'rak-sains',
      find: { kind: 'shelf', id: 'sains' },
      instruction: {
        id: 'Sekarang cari papan rak Ilmu Alam.',
        en: 'Now find the Natural Sciences sign.',
      },
      narration: {
        id: 'Di rak Ilmu Alam ada buku tentang hewan, laut, dan gunung. Ada juga buku tentang keluargaku, para tarsius!',
        en: 'The Natural Sciences shelf has books about animals, the sea and mountains. There is even one about my family, the tarsiers!',
      },
      forBands: {
        kecil: {
          instruction: {
            id: 'Sekarang cari papan Ilmu Alam.',
            en: 'Now find the Natural Sciences sign.',
          },
          narration: {
            id: 'Di rak ini ada buku tentang hewan dan laut.',
            en: 'This shelf has books about animals and the sea.',
          },
        },
      },
    },
    {
      id: 'buku-tarsius',
      find: { kind: 'book', id: 'spectral-tarsier' },
      instruction: {
        id: 'Cari buku bergambar tarsius dan pindai sampulnya.',
        en: 'Find the book with a tarsier on it and scan its cover.',
      },
      narration: {
        id: 'Tarsius di Tangkoko disebut tangkasi atau wusing. Tarsius dewasa beratnya hanya sekitar 95 sampai 126 gram. Tarsius adalah satwa resmi Kota Bitung!',
        en: "Tarsiers at Tangkoko are called tangkasi or wusing. An adult weighs only about 95 to 126 grams. The tarsier is Bitung's official city animal!",
      },
      question: {
        prompt: {
          id: 'Kira-kira berapa berat tarsius dewasa?',
          en: 'About how much does an adult tarsier weigh?',
        },
        choices: [
          { id: 'Sekitar 100 gram', en: 'About 100 grams' },
          { id: 'Sekitar 1 kilogram', en: 'About 1 kilogram' },
          { id: 'Sekitar 10 kilogram', en: 'About 10 kilograms' },
        ],
        answer: 0,
        explanation: {
          id: 'Tarsius dewasa beratnya sekitar 95 sampai 126 gram.',
          en: 'An adult tarsier weighs about 95 to 126 grams.',
        },
      },
      forBands: {
        kecil: {
          instruction: {
            id: 'Cari buku bergambar tarsius. Pindai sampulnya.',
            en: 'Find the book with a tarsier on it. Scan its cover.',
          },
          narration: {
            id: 'Tarsius itu kecil sekali. Beratnya hanya sekitar 100 gram. Tarsius adalah hewan resmi Kota Bitung!',
            en: "A tarsier is very small. It weighs only about 100 grams. The tarsier is Bitung's official animal!",
          },
          question: {
            prompt: { id: 'Tarsius itu besar atau kecil?', en: 'Is a tarsier big or small?' },
            choices: [
              { id: 'Kecil', en: 'Small' },
              { id: 'Besar sekali', en: 'Very big' },
            ],
            answer: 0,
            explanation: {
              id: 'Betul! Tarsius dewasa beratnya hanya sekitar 100 gram.',
              en: 'Yes! An adult tarsier weighs only about 100 grams.',
            },
          },
        },
      },
    },
    {
      id: 'gurita',
      find: { kind: 'book', id: 'twenty-thousand-leagues' },
      instruction: {
        id: 'Terakhir, cari buku petualangan di bawah laut di rak Sastra Dunia.',
        en: 'Last one: find the undersea adventure book on the World Literature shelf.',
      },
      narration: {
        id: 'Di Selat Lembeh, dekat Bitung, hidup gurita mimik. Ia bisa meniru ular laut, ikan singa, dan ikan sebelah!',
        en: 'In Lembeh Strait, near Bitung, lives the mimic octopus. It can copy sea snakes, lionfish and flatfish!',
      },
      question: {
        prompt: {
          id: 'Gurita mimik bisa meniru hewan apa?',
          en: 'Which animal can the mimic octopus copy?',
        },
        choices: [
          { id: 'Ular laut', en: 'A sea snake' },
          { id: 'Gajah', en: 'An elephant' },
          { id: 'Kucing', en: 'A cat' },
        ],
        answer: 0,
        explanation: {
          id: 'Benar! Gurita mimik meniru ular laut, ikan singa, dan ikan sebelah.',
          en: 'Right! The mimic octopus copies sea snakes, lionfish and flatfish.',
        },
      },
      forBands: {
        kecil: {
          instruction: {
            id: 'Cari buku petualangan di bawah laut. Ada di rak Sastra Dunia.',
            en: 'Find the undersea adventure book. It is on the World Literature shelf.',
          },
          narration: {
            id: 'Di Selat Lembeh ada gurita mimik. Ia pandai meniru hewan lain!',
            en: 'In Lembeh Strait lives the mimic octopus. It is good at copying other animals!',
          },
        },
      },
    },
  ],
};

const teenTour: Tour = {
  id: 'laut-bitung',
  title: {
    id: 'Laut Bitung: dari Cakalang sampai Lembeh',
    en: "Bitung's Sea: from Skipjack to Lembeh",
  },
  description: {
    id: 'Enam perhentian tentang laut di sekitar Bitung: ikan cakalang, pelabuhan, dan hewan-hewan penyamar di Selat Lembeh.',
    en: "Six stops about the sea around Bitung: skipjack, the port, and Lembeh Strait's masters of disguise.",
  },
  audience: { minAge: 13, maxAge: 17, label: { id: 'Remaja 13–17 tahun', en: 'Teenagers 13–17' } },
  minutes: 45,
  stops: [
    {
      id: 'nelayan-tua',
      find: { kind: 'book', id: 'old-man-and-the-sea' },
      instruction: {
        id: 'Cari novel tentang seorang nelayan tua di rak Sastra Dunia dan pindai sampulnya.',
        en: 'Find the novel about an old fisherman on the World Literature shelf and scan its cover.',
      },
      narration: {
        id: 'Bitung dijuluki Kota Cakalang. Pada 2023 wali kota menyebut 7 dari 14 pabrik pengolahan ikan besar di Indonesia ada di Bitung, dan sekitar 80% yang diolah adalah cakalang.',
        en: "Bitung is called the Skipjack City. In 2023 the mayor said 7 of Indonesia's 14 large fish-processing plants are in Bitung, and about 80% of what they process is skipjack.",
      },
      question: {
        prompt: {
          id: 'Menurut wali kota (2023), berapa dari 14 pabrik pengolahan ikan besar di Indonesia yang ada di Bitung?',
          en: "According to the mayor (2023), how many of Indonesia's 14 large fish-processing plants are in Bitung?",
        },
        choices: [
          { id: '3', en: '3' },
          { id: '7', en: '7' },
          { id: '14', en: '14' },
        ],
        answer: 1,
        explanation: {
          id: 'Tujuh dari empat belas, separuhnya, ada di Bitung.',
          en: 'Seven of the fourteen, half of them, are in Bitung.',
        },
      },
    },
    {
      id: 'paus-putih',
      find: { kind: 'book', id: 'moby-dick' },
      instruction: {
        id: 'Cari Moby-Dick di rak yang sama.',
        en: 'Find Moby-Dick on the same shelf.',
      },
      narration: {
        id: 'Kapal-kapal besar juga singgah di Bitung. Pelabuhannya adalah pelabuhan alam yang dilindungi Pulau Lembeh, dan ada kapal feri ke Davao dan General Santos di Filipina.',
        en: 'Big ships call at Bitung too. Its port is a natural harbour sheltered by Lembeh Island, with ferries to Davao and General Santos in the Philippines.',
      },
      question: {
        prompt: {
          id: 'Pulau apa yang melindungi pelabuhan Bitung dari ombak?',
          en: "Which island shelters Bitung's port from the waves?",
        },
        choices: [
          { id: 'Pulau Lembeh', en: 'Lembeh Island' },
          { id: 'Pulau Bali', en: 'Bali' },
          { id: 'Pulau Bangka', en: 'Bangka Island' },
        ],
        answer: 0,
        explanation: {
          id: 'Pulau Lembeh berada tepat di depan Bitung dan menjadikan pelabuhannya pelabuhan alam.',
          en: 'Lembeh Island lies right off Bitung and makes its port a natural harbour.',
        },
      },
    },
    {
      id: 'rak-sains',
      find: { kind: 'shelf', id: 'sains' },
      instruction: {
        id: 'Pindah ke rak Ilmu Alam dan pindai papannya.',
        en: 'Move to the Natural Sciences shelf and scan its sign.',
      },
      narration: {
        id: 'Sekarang kita menyelam. Selat Lembeh panjangnya sekitar 16 km dan lebarnya hanya 1 sampai 2 km, dengan kira-kira 95 titik selam.',
        en: 'Now we dive. Lembeh Strait is about 16 km long and only 1 to 2 km wide, with roughly 95 dive sites.',
      },
    },
    {
      id: 'laut-sekitar',
      find: { kind: 'book', id: 'sea-around-us' },
      instruction: {
        id: 'Cari The Sea Around Us dan pindai sampulnya.',
        en: 'Find The Sea Around Us and scan its cover.',
      },
      narration: {
        id: 'Selat Lembeh terkenal di dunia karena muck diving: menyelam untuk mencari hewan kecil penyamar di pasir vulkanik yang gelap, seperti gurita kelapa yang bersembunyi di cangkang dan sabut kelapa.',
        en: 'Lembeh Strait is world-famous for muck diving: searching dark volcanic sand for small masters of disguise, like the coconut octopus that hides in shells and coconut husks.',
      },
      question: {
        prompt: { id: 'Apa itu muck diving?', en: 'What is muck diving?' },
        choices: [
          {
            id: 'Menyelam mencari hewan kecil di pasir vulkanik yang gelap',
            en: 'Diving to find small animals on dark volcanic sand',
          },
          { id: 'Menyelam ke terumbu karang terdalam', en: 'Diving to the deepest coral reefs' },
          { id: 'Berenang di sungai berlumpur', en: 'Swimming in muddy rivers' },
        ],
        answer: 0,
        explanation: {
          id: 'Penyelam di Lembeh mencari hewan kecil yang menyamar di pasir gelap.',
          en: 'Divers in Lembeh look for small, camouflaged animals on the dark sand.',
        },
      },
    },
    {
      id: 'naga-laut',
      find: { kind: 'book', id: 'origin-of-species' },
      instruction: {
        id: 'Cari buku Darwin tentang asal-usul spesies.',
        en: "Find Darwin's book on the origin of species.",
      },
      narration: {
        id: 'Spesies baru masih ditemukan di Lembeh. Pada 2007 ilmuwan M. Gomon memberi nama naga laut Lembeh, Kyonemichthys rumengani, dari satu spesimen sepanjang 26,8 mm. Namanya menghormati Noldy Rumengan, pemandu selam dari Manado yang menemukannya.',
        en: 'New species are still found in Lembeh. In 2007 the scientist M. Gomon named the Lembeh sea dragon, Kyonemichthys rumengani, from one 26.8 mm specimen. It honours Noldy Rumengan, the Manado dive guide who found it.',
      },
      question: {
        prompt: {
          id: 'Nama naga laut Lembeh menghormati siapa?',
          en: 'Whom does the Lembeh sea dragon’s name honour?',
        },
        choices: [
          { id: 'Noldy Rumengan, pemandu selam', en: 'Noldy Rumengan, a dive guide' },
          { id: 'Charles Darwin', en: 'Charles Darwin' },
          { id: 'Jules Verne', en: 'Jules Verne' },
        ],
        answer: 0,
        explanation: {
          id: 'Rumengani berasal dari nama Noldy Rumengan, yang menemukan ikan itu.',
          en: 'Rumengani comes from Noldy Rumengan, who found the fish.',
        },
      },
    },
    {
      id: 'nautilus',
      find: { kind: 'book', id: 'twenty-thousand-leagues' },
      instruction: {
        id: 'Terakhir, kembali ke Sastra Dunia dan cari petualangan kapal selam Nautilus.',
        en: 'Finally, go back to World Literature and find the adventure of the submarine Nautilus.',
      },
      narration: {
        id: 'Jules Verne membayangkan lautan penuh keajaiban. Di Selat Lembeh keajaiban itu nyata: gurita mimik, kuda laut kerdil, dan sotong flamboyan. Selamat, kamu sudah menyelesaikan tur ini!',
        en: 'Jules Verne imagined an ocean full of wonders. In Lembeh Strait they are real: the mimic octopus, the pygmy seahorse and the flamboyant cuttlefish. Well done, you have finished the tour!',
      },
    },
  ],
};

const adultTour: Tour = {
  id: 'wallace-sampai-kolintang',
  title: { id: 'Dari Wallace sampai Kolintang', en: 'From Wallace to the Kolintang' },
  description: {
    id: 'Tujuh perhentian tentang alam, sejarah, dan budaya Bitung dan Minahasa, dari naturalis abad ke-19 sampai warisan UNESCO 2024.',
    en: "Seven stops on the nature, history and culture of Bitung and Minahasa, from a 19th-century naturalist to UNESCO's 2024 inscription.",
  },
  audience: { minAge: 18, label: { id: 'Dewasa', en: 'Adults' } },
  minutes: 60,
  stops: [
    {
      id: 'rak-sejarah',
      find: { kind: 'shelf', id: 'sejarah' },
      instruction: {
        id: 'Mulai di rak Sejarah & Geografi: pindai papannya.',
        en: 'Start at the History & Geography shelf: scan its sign.',
      },
      narration: {
        id: 'Rak ini menyimpan kisah perjalanan para penjelajah dan sejarah Nusantara. Kita mulai dari seorang naturalis Inggris.',
        en: 'This shelf holds travellers’ accounts and the history of the archipelago. We begin with an English naturalist.',
      },
    },
    {
      id: 'wallace',
      find: { kind: 'book', id: 'malay-archipelago' },
      instruction: {
        id: 'Cari The Malay Archipelago karya Wallace.',
        en: "Find Wallace's The Malay Archipelago.",
      },
      narration: {
        id: 'Pada 1861 Alfred Russel Wallace mengumpulkan babirusa dan maleo di Tangkoko. Hutan itu pertama kali dilindungi aturan kolonial pada 1919, dan kini kawasannya sekitar 8.745 ha.',
        en: 'In 1861 Alfred Russel Wallace collected babirusa and maleo at Tangkoko. Colonial rules first protected that forest in 1919; today the reserve complex covers about 8,745 ha.',
      },
      question: {
        prompt: {
          id: 'Tahun berapa Wallace mengumpulkan babirusa dan maleo di Tangkoko?',
          en: 'In which year did Wallace collect babirusa and maleo at Tangkoko?',
        },
        choices: [
          { id: '1861', en: '1861' },
          { id: '1919', en: '1919' },
          { id: '1975', en: '1975' },
        ],
        answer: 0,
        explanation: {
          id: '1861. Tahun 1919 adalah tahun hutan itu pertama kali dilindungi.',
          en: '1861. 1919 is the year the forest was first protected.',
        },
      },
    },
    {
      id: 'kota-bitung',
      find: { kind: 'book', id: 'history-of-modern-indonesia' },
      instruction: {
        id: 'Cari A History of Modern Indonesia.',
        en: 'Find A History of Modern Indonesia.',
      },
      narration: {
        id: 'Bitung menjadi kota administratif pertama di Indonesia pada 10 April 1975, lalu kotamadya penuh yang diresmikan pada 10 Oktober 1990. Sejak itu ulang tahun kota dirayakan setiap 10 Oktober.',
        en: "Bitung became Indonesia's first administrative city on 10 April 1975, then a full municipality inaugurated on 10 October 1990. The city has celebrated its birthday every 10 October since.",
      },
      question: {
        prompt: { id: 'Kapan ulang tahun Kota Bitung?', en: "When is Bitung's city birthday?" },
        choices: [
          { id: '10 Oktober', en: '10 October' },
          { id: '10 April', en: '10 April' },
          { id: '17 Agustus', en: '17 August' },
        ],
        answer: 0,
        explanation: {
          id: '10 Oktober, hari peresmian kotamadya pada 1990. Tanggal 10 April 1975 adalah awal kota administratif.',
          en: '10 October, when the municipality was inaugurated in 1990. 10 April 1975 began the administrative city.',
        },
      },
    },
    {
      id: 'gunung',
      find: { kind: 'book', id: 'krakatoa' },
      instruction: {
        id: 'Pindah ke rak Ilmu Alam dan cari buku tentang Krakatau.',
        en: 'Move to Natural Sciences and find the book on Krakatoa.',
      },
      narration: {
        id: 'Bitung punya gunung apinya sendiri. Kubah lava Batu Angus terbentuk di lereng timur Gunung Tangkoko pada 1801; letusan terakhirnya tercatat pada 1880.',
        en: 'Bitung has its own volcano. The Batu Angus lava dome formed on the eastern flank of Mount Tangkoko in 1801; its last eruption was in 1880.',
      },
      question: {
        prompt: { id: 'Apa arti "Batu Angus"?', en: 'What does "Batu Angus" mean?' },
        choices: [
          { id: 'Batu yang terbakar', en: 'Burnt rock' },
          { id: 'Batu yang basah', en: 'Wet rock' },
          { id: 'Dua bersaudara', en: 'Two siblings' },
        ],
        answer: 0,
        explanation: {
          id: 'Batu angus berarti batu yang terbakar. "Dua bersaudara" adalah arti Duasudara, gunung di dekatnya.',
          en: 'Batu angus means burnt rock. "Two siblings" is what Duasudara, the mountain nearby, means.',
        },
      },
    },
    {
      id: 'rak-sosial',
      find: { kind: 'shelf', id: 'sosial' },
      instruction: { id: 'Cari papan rak Ilmu Sosial.', en: 'Find the Social Sciences sign.' },
      narration: {
        id: 'Pada 5 Desember 2024 UNESCO mencatat kolintang, deretan bilah kayu bernada di atas kotak kayu yang dipukul dengan pemukul, bersama balafon dari Afrika Barat.',
        en: 'On 5 December 2024 UNESCO inscribed the kolintang, rows of tuned wooden bars over a wooden box struck with mallets, jointly with the balafon of West Africa.',
      },
      question: {
        prompt: {
          id: 'Bersama alat musik apa kolintang dicatat UNESCO pada 2024?',
          en: 'With which instrument was the kolintang inscribed by UNESCO in 2024?',
        },
        choices: [
          { id: 'Balafon', en: 'The balafon' },
          { id: 'Angklung', en: 'The angklung' },
          { id: 'Sasando', en: 'The sasando' },
        ],
        answer: 0,
        explanation: {
          id: 'Balafon dari Afrika Barat, juga terbuat dari bilah kayu.',
          en: 'The balafon of West Africa, which is also made of wooden bars.',
        },
      },
    },
    {
      id: 'mapalus',
      find: { kind: 'book', id: 'manusia-indonesia' },
      instruction: {
        id: 'Cari Manusia Indonesia karya Mochtar Lubis.',
        en: "Find Mochtar Lubis's Manusia Indonesia.",
      },
      narration: {
        id: 'Orang Minahasa mengenal mapalus: bergiliran mengerjakan ladang satu sama lain, dari membuka lahan sampai panen, yang kemudian meluas ke membangun rumah, pernikahan, dan pemakaman.',
        en: "The Minahasa know mapalus: taking turns to work each other's fields, from clearing to harvest, later extended to house-building, weddings and funerals.",
      },
      question: {
        prompt: { id: 'Apa itu mapalus?', en: 'What is mapalus?' },
        choices: [
          { id: 'Sistem tolong-menolong', en: 'A system of mutual help' },
          { id: 'Tari perang', en: 'A war dance' },
          { id: 'Alat musik kayu', en: 'A wooden instrument' },
        ],
        answer: 0,
        explanation: {
          id: 'Mapalus adalah sistem tolong-menolong. Tari perangnya adalah kabasaran, alat musiknya kolintang.',
          en: 'Mapalus is mutual help. The war dance is the kabasaran, the instrument the kolintang.',
        },
      },
    },
    {
      id: 'komunitas',
      find: { kind: 'book', id: 'imagined-communities' },
      instruction: {
        id: 'Terakhir, cari Imagined Communities.',
        en: 'Finally, find Imagined Communities.',
      },
      narration: {
        id: 'Banyak warga Bitung berakar dari Sangir. Setiap akhir Januari kota ini merayakan Tulude bersama komunitas Nusa Utara, dengan tarian Salo dan Gunde, paduan suara masamper, dan doa yang dipimpin enam agama. Terima kasih telah mengikuti tur ini!',
        en: 'Many Bitung residents have Sangir roots. Every late January the city celebrates Tulude with the Nusa Utara community, with Salo and Gunde dances, masamper choirs and prayers led by six faiths. Thank you for taking this tour!',
      },
    },
  ],
};

export const tours: Tour[] = [childrenTour, teenTour, adultTour];

const WITA = '+08:00';
export const events: LibraryEvent[] = [
  {
    id: 'dongeng-tangkasi',
    title: {
      id: 'Dongeng Sabtu: Si Tangkasi dari Tangkoko',
      en: 'Saturday Stories: Tangkasi from Tangkoko',
    },
    start: `2026-12-05T09:00:00${WITA}`,
    end: `2026-12-05T10:00:00${WITA}`,
    place: { id: 'Ruang Anak', en: "Children's Room" },
    // The children's room is around the children's shelf on the drawn plan.
    position: { x: 40, y: 260, width: 260, height: 150 },
    description: {
      id: 'Mendongeng tentang tarsius Tangkoko, lalu mewarnai dan mencoba tur AR anak.',
      en: "Stories about Tangkoko's tarsiers, then colouring and the children's AR tour.",
    },
    audience: { minAge: 5, maxAge: 10, label: { id: 'Anak 5–10 tahun', en: 'Children 5–10' } },
  },
  {
    id: 'klub-baca-bumi-manusia',
    title: { id: 'Klub Baca: Bumi Manusia', en: 'Reading Club: This Earth of Mankind' },
    start: `2026-12-12T14:00:00${WITA}`,
    end: `2026-12-12T16:00:00${WITA}`,
    place: { id: 'Ruang Diskusi', en: 'Discussion Room' },
    description: {
      id: 'Membahas bab-bab awal Bumi Manusia karya Pramoedya Ananta Toer. Buku dapat dipinjam di meja layanan.',
      en: "Discussing the opening chapters of Pramoedya Ananta Toer's This Earth of Mankind. Copies can be borrowed at the desk.",
    },
    audience: { minAge: 15, label: { id: '15 tahun ke atas', en: 'Ages 15 and up' } },
  },
  {
    id: 'mengenal-kolintang',
    title: { id: 'Mengenal Kolintang', en: 'Meet the Kolintang' },
    start: `2026-12-19T10:00:00${WITA}`,
    end: `2026-12-19T11:30:00${WITA}`,
    place: { id: 'Aula', en: 'Hall' },
    description: {
      id: 'Mendengar dan mencoba kolintang, alat musik Minahasa yang dicatat UNESCO pada 2024.',
      en: 'Listen to and try the kolintang, the Minahasa instrument UNESCO inscribed in 2024.',
    },
    audience: { label: { id: 'Semua umur', en: 'All ages' } },
  },
  {
    id: 'lokakarya-ar',
    title: {
      id: 'Lokakarya: Hidupkan Sampul Buku dengan AR',
      en: 'Workshop: Bring a Book Cover to Life with AR',
    },
    start: `2027-01-09T09:00:00${WITA}`,
    end: `2027-01-09T12:00:00${WITA}`,
    place: { id: 'Ruang Komputer', en: 'Computer Room' },
    description: {
      id: 'Belajar cara kerja Lensa Pustaka: memotret sampul, menaruh model 3D, dan menulis cerita dalam dua bahasa.',
      en: 'Learn how Lensa Pustaka works: photograph a cover, place a 3D model and write a story in two languages.',
    },
    audience: { minAge: 13, label: { id: '13 tahun ke atas', en: 'Ages 13 and up' } },
  },
  {
    id: 'cerita-tulude',
    title: { id: 'Cerita Tulude', en: 'Tulude Stories' },
    start: `2027-01-30T10:00:00${WITA}`,
    end: `2027-01-30T11:30:00${WITA}`,
    place: { id: 'Aula', en: 'Hall' },
    description: {
      id: 'Menjelang Tulude, mendengar kisah tradisi syukur Sangihe, Sitaro, dan Talaud dari komunitas Nusa Utara.',
      en: 'Ahead of Tulude, hear about the Sangihe, Sitaro and Talaud thanksgiving from the Nusa Utara community.',
    },
    audience: { label: { id: 'Semua umur', en: 'All ages' } },
  },
  {
    id: 'pameran-lembeh',
    title: {
      id: 'Pameran: Para Penyamar Selat Lembeh',
      en: 'Exhibition: The Disguise Artists of Lembeh Strait',
    },
    start: `2027-02-06T09:00:00${WITA}`,
    end: `2027-02-20T15:00:00${WITA}`,
    place: { id: 'Galeri Lantai 1', en: 'Ground-floor Gallery' },
    description: {
      id: 'Gambar dan model 3D hewan-hewan kecil Selat Lembeh: gurita mimik, gurita kelapa, kuda laut kerdil, dan lainnya.',
      en: 'Pictures and 3D models of the small animals of Lembeh Strait: mimic octopus, coconut octopus, pygmy seahorse and more.',
    },
    audience: { label: { id: 'Semua umur', en: 'All ages' } },
  },
];

export const demoSource: SourceCatalogInput = {
  title: {
    id: 'Katalog Perpustakaan Kota Bitung (demo)',
    en: 'Bitung City Library catalog (demo)',
  },
  library: {
    name: { id: 'Perpustakaan Kota Bitung', en: 'Bitung City Library' },
    address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
    openingHours: [
      { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
      { days: ['sa'], opens: '09:00', closes: '13:00' },
    ],
    hoursNote: {
      id: 'Ini katalog demo: jam buka, acara, dan ketersediaan buku adalah contoh. Tanyakan jam resmi kepada Dinas Perpustakaan dan Kearsipan Kota Bitung.',
      en: 'This is a demo catalog: opening hours, events and availability are examples. Ask the Bitung City Library and Archives Office for the official hours.',
    },
    timeZone: 'Asia/Makassar',
    languages: ['id', 'en'],
    floorPlan: 'floorplan.svg',
    serviceDesk: DRAWN_PLAN_DESK,
    about: {
      id: 'Perpustakaan umum Kota Bitung dikelola oleh Dinas Perpustakaan dan Kearsipan Kota Bitung. Katalog demo ini menunjukkan cara Lensa Pustaka menghidupkan koleksi dengan cerita tentang laut, hutan, dan budaya Bitung.',
      en: "Bitung's public library is run by the city's Library and Archives Office. This demo catalog shows how Lensa Pustaka brings a collection to life with stories of Bitung's sea, forests and culture.",
    },
  },
  shelves,
  books: books.map((book) => (book.model ? { ...book, model: titled(book.model) } : book)),
  stories: stories.map((story) => (story.model ? { ...story, model: titled(story.model) } : story)),
  tours,
  events,
};
