/**
 * Word banks for the synthetic mentor profiles. Hand-made so the data is
 * deterministic and needs no download; large enough (a few thousand distinct
 * tokens once verbs and nouns are inflected) that bios and the search index do
 * not compress unrealistically well.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);
const lines = (s: string): string[] =>
  s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const FIRST_NAMES = words(`
Aarav Abebe Abigail Adaeze Adam Adebayo Aditi Adrián Agnieszka Ahmed Aiko Aino Aisha Akira Alejandro Aleksander Alessandra
Alexei Ali Alice Alina Amaka Amara Amina Amir Ana Anders Andrea Andrés Aneta Ángel Anika Anja Ann Anna Antoine Anya Arjun
Asha Astrid Ayesha Aziz Beatriz Ben Bernardo Bianca Bilal Bjørn Blessing Bongani Bruno Camila Carlos Carmen Caroline Catalina
Cem Chen Chiara Chidi Chloé Chris Clara Claude Daisuke Dalia Damla Daniel Daniela Darius Dawit Deepa Dewi Diego Dimitris Divya
Dmitri Ebru Eduardo Efua Elena Elif Elijah Elin Emeka Emil Emily Emma Enrique Erik Esther Eun-ji Fatima Fatou Federico Felipe
Fernanda Fiona Florian François Gabriel Gabriela Ganesh Giulia Grace Gustavo Hana Hannah Haruto Hassan Helena Henrik Hina Hiroshi
Hugo Ibrahim Ifeoma Ilse Imani Ines Ingrid Irina Isabel Ivan Jakub Jamal Jana Javier Jia Jin João Johan Jonas Jordan Jorge José
Josefina Julia Julien Jun Kaito Kamala Karim Karin Kasia Katarzyna Kavya Kemal Kenji Khadija Kiran Kofi Kwame Lars Laura Layla
Lea Leila Leon Liam Lina Ling Lucas Lucía Luis Łukasz Mai Malik Mamadou Marco María Mariana Marie Marta Mateo Matías Maya Mehmet
Mei Mereana Miguel Mikael Min-jun Mira Miriam Mohammed Nadia Naledi Naoko Natalia Nia Nikhil Nikos Nina Noah Noor Nuno Obinna
Oksana Olga Oliver Olumide Omar Oscar Pablo Paolo Park Patricia Paula Pedro Pia Pooja Priya Rafael Rahul Ravi Rena Ricardo Rin
Rosa Ruth Ryo Saanvi Sakura Salma Samuel Sandra Santiago Sara Sebastián Selin Seo-yeon Shira Siddharth Simone Siobhan Sipho
Sofia Soo-ah Stefan Suda Sunita Tamar Tanvir Tariq Thandiwe Thijs Thomas Tomás Tuan Uchenna Valentina Vikram Wanjiru Wei Xin
Yara Yasmin Yuki Yusuf Zainab Zanele Zeynep Zoë
`);

export const LAST_NAMES = words(`
Abara Acheampong Adeyemi Agarwal Ahmadi Akhtar Alves Andersson Aranda Arslan Asante Bakker Banda Barbosa Becker Benali Bergström
Bianchi Bose Brandt Castillo Chakraborty Chatterjee Chen Chowdhury Cohen Costa Cruz Dahl Das Dimitriou Diallo Dlamini Dubois
Duarte Dvořák Eriksen Esposito Falk Ferrari Ferreira Fischer Fofana Fontaine Friedman Fujita Gallo García Ghosh Gómez Greco
Gupta Haddad Hakimi Hansen Hartmann Hashemi Hayashi Herrera Hoang Hoffmann Horvat Hosseini Huang Hussain Ibáñez Ibrahim Inoue
Ishikawa Iyer Jansen Jensen Jiménez Johansson Kamau Kang Karimi Kaya Keller Khan Kim Kiprotich Klein Koch Kowalski Kozlov
Krishnan Kumar Kuznetsov Larsen Laurent Lee Lefebvre Lehmann Li Lim Lindqvist Liu Lombardi López Lund Machado Maier Mahlangu
Malik Mancini Marchetti Martín Martins Matsumoto Mbeki Medina Mendes Meyer Mishra Molina Moreau Morales Moreno Mukherjee Müller
Murphy Mwangi Nair Nakamura Navarro Ndlovu Nguyen Nielsen Nikolaidis Novak Nowak Nunes Nwosu Obi Odhiambo Ogunleye Okafor Okeke
Oliveira Olsen Onyango Ortega Osei Owusu Özdemir Park Patel Pereira Petrov Pham Popescu Quispe Rahman Ramírez Rao Reddy Reyes
Ribeiro Richter Rivera Rodrigues Romano Rossi Ruiz Saito Salazar Sánchez Santos Sato Schäfer Schmidt Schneider Schulz Sen
Shah Sharma Silva Singh Sokolov Sørensen Souza Suzuki Svensson Takahashi Tanaka Teixeira Tran Tshabalala Tanaka Uddin Vargas
Vasquez Verma Vogel Volkov Wagner Wang Watanabe Weber Wiśniewski Wu Xu Yamamoto Yang Yılmaz Yoshida Zhang Zhao Zhou Zimmermann
`);

export const PRONOUNS = ['she/her', 'he/him', 'they/them', 'she/they', 'he/they'];

/** Countries with time zones and regions, so location fields are plausible together. Languages are BCP 47 tags spoken there. */
export interface CountryInfo {
  code: string;
  weight: number;
  zones: string[];
  regions: string[];
  cities: string[];
  languages: string[];
}

export const COUNTRIES: CountryInfo[] = [
  { code: 'US', weight: 14, zones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'], regions: ['California', 'Massachusetts', 'Illinois', 'Texas', 'Washington', 'New York', 'Colorado', 'Michigan', 'Georgia', 'Maryland'], cities: ['Boston', 'Chicago', 'Seattle', 'Austin', 'Denver', 'Pittsburgh', 'Berkeley', 'Baltimore'], languages: ['en', 'es'] },
  { code: 'GB', weight: 6, zones: ['Europe/London'], regions: ['England', 'Scotland', 'Wales', 'Northern Ireland'], cities: ['London', 'Edinburgh', 'Manchester', 'Bristol', 'Cambridge', 'Cardiff'], languages: ['en'] },
  { code: 'DE', weight: 6, zones: ['Europe/Berlin'], regions: ['Bavaria', 'Berlin', 'Hesse', 'Saxony', 'Baden-Württemberg', 'Hamburg'], cities: ['Munich', 'Berlin', 'Heidelberg', 'Dresden', 'Hamburg', 'Karlsruhe'], languages: ['de', 'en'] },
  { code: 'FR', weight: 4, zones: ['Europe/Paris'], regions: ['Île-de-France', 'Occitanie', 'Auvergne-Rhône-Alpes', 'Brittany'], cities: ['Paris', 'Grenoble', 'Toulouse', 'Lyon', 'Rennes'], languages: ['fr', 'en'] },
  { code: 'IN', weight: 7, zones: ['Asia/Kolkata'], regions: ['Karnataka', 'Maharashtra', 'Tamil Nadu', 'Delhi', 'West Bengal', 'Telangana'], cities: ['Bengaluru', 'Pune', 'Chennai', 'Kolkata', 'Hyderabad', 'Mumbai'], languages: ['hi', 'en', 'ta', 'bn'] },
  { code: 'CN', weight: 4, zones: ['Asia/Shanghai'], regions: ['Beijing', 'Shanghai', 'Guangdong', 'Zhejiang', 'Sichuan'], cities: ['Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Chengdu'], languages: ['zh', 'en'] },
  { code: 'JP', weight: 3, zones: ['Asia/Tokyo'], regions: ['Tokyo', 'Osaka', 'Kyoto', 'Miyagi', 'Ibaraki'], cities: ['Tokyo', 'Kyoto', 'Sendai', 'Tsukuba', 'Osaka'], languages: ['ja', 'en'] },
  { code: 'KR', weight: 2, zones: ['Asia/Seoul'], regions: ['Seoul', 'Daejeon', 'Gyeonggi', 'Busan'], cities: ['Seoul', 'Daejeon', 'Busan', 'Pohang'], languages: ['ko', 'en'] },
  { code: 'BR', weight: 4, zones: ['America/Sao_Paulo'], regions: ['São Paulo', 'Rio de Janeiro', 'Minas Gerais', 'Rio Grande do Sul', 'Pernambuco'], cities: ['São Paulo', 'Campinas', 'Rio de Janeiro', 'Recife', 'Porto Alegre'], languages: ['pt', 'en', 'es'] },
  { code: 'MX', weight: 2, zones: ['America/Mexico_City'], regions: ['Mexico City', 'Jalisco', 'Nuevo León', 'Puebla'], cities: ['Mexico City', 'Guadalajara', 'Monterrey', 'Puebla'], languages: ['es', 'en'] },
  { code: 'AR', weight: 2, zones: ['America/Argentina/Buenos_Aires'], regions: ['Buenos Aires', 'Córdoba', 'Santa Fe', 'Mendoza'], cities: ['Buenos Aires', 'Córdoba', 'Rosario', 'Bariloche'], languages: ['es', 'en'] },
  { code: 'CL', weight: 1, zones: ['America/Santiago'], regions: ['Santiago Metropolitan', 'Valparaíso', 'Antofagasta', 'Biobío'], cities: ['Santiago', 'Valparaíso', 'Antofagasta', 'Concepción'], languages: ['es', 'en'] },
  { code: 'CO', weight: 1, zones: ['America/Bogota'], regions: ['Bogotá', 'Antioquia', 'Valle del Cauca'], cities: ['Bogotá', 'Medellín', 'Cali'], languages: ['es', 'en'] },
  { code: 'PE', weight: 1, zones: ['America/Lima'], regions: ['Lima', 'Arequipa', 'Cusco'], cities: ['Lima', 'Arequipa', 'Cusco'], languages: ['es', 'en'] },
  { code: 'CA', weight: 4, zones: ['America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Halifax'], regions: ['Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Nova Scotia'], cities: ['Toronto', 'Montréal', 'Vancouver', 'Calgary', 'Waterloo', 'Halifax'], languages: ['en', 'fr'] },
  { code: 'ES', weight: 3, zones: ['Europe/Madrid'], regions: ['Madrid', 'Catalonia', 'Andalusia', 'Valencia', 'Basque Country'], cities: ['Madrid', 'Barcelona', 'Seville', 'Valencia', 'Bilbao'], languages: ['es', 'en'] },
  { code: 'IT', weight: 3, zones: ['Europe/Rome'], regions: ['Lombardy', 'Lazio', 'Tuscany', 'Piedmont', 'Emilia-Romagna'], cities: ['Milan', 'Rome', 'Pisa', 'Turin', 'Bologna', 'Trieste'], languages: ['it', 'en'] },
  { code: 'NL', weight: 2, zones: ['Europe/Amsterdam'], regions: ['North Holland', 'South Holland', 'Utrecht', 'North Brabant'], cities: ['Amsterdam', 'Delft', 'Leiden', 'Eindhoven', 'Utrecht'], languages: ['nl', 'en'] },
  { code: 'BE', weight: 1, zones: ['Europe/Brussels'], regions: ['Flanders', 'Wallonia', 'Brussels'], cities: ['Leuven', 'Ghent', 'Brussels', 'Liège'], languages: ['nl', 'fr', 'en'] },
  { code: 'CH', weight: 2, zones: ['Europe/Zurich'], regions: ['Zurich', 'Geneva', 'Vaud', 'Bern', 'Basel-Stadt'], cities: ['Zurich', 'Geneva', 'Lausanne', 'Bern', 'Basel'], languages: ['de', 'fr', 'it', 'en'] },
  { code: 'AT', weight: 1, zones: ['Europe/Vienna'], regions: ['Vienna', 'Styria', 'Tyrol'], cities: ['Vienna', 'Graz', 'Innsbruck'], languages: ['de', 'en'] },
  { code: 'PL', weight: 2, zones: ['Europe/Warsaw'], regions: ['Masovia', 'Lesser Poland', 'Lower Silesia', 'Pomerania'], cities: ['Warsaw', 'Kraków', 'Wrocław', 'Gdańsk'], languages: ['pl', 'en'] },
  { code: 'CZ', weight: 1, zones: ['Europe/Prague'], regions: ['Prague', 'South Moravia'], cities: ['Prague', 'Brno'], languages: ['en', 'de'] },
  { code: 'SE', weight: 2, zones: ['Europe/Stockholm'], regions: ['Stockholm', 'Västra Götaland', 'Skåne', 'Uppsala'], cities: ['Stockholm', 'Gothenburg', 'Lund', 'Uppsala'], languages: ['sv', 'en'] },
  { code: 'NO', weight: 1, zones: ['Europe/Oslo'], regions: ['Oslo', 'Trøndelag', 'Vestland'], cities: ['Oslo', 'Trondheim', 'Bergen'], languages: ['en'] },
  { code: 'DK', weight: 1, zones: ['Europe/Copenhagen'], regions: ['Capital Region', 'Central Jutland'], cities: ['Copenhagen', 'Aarhus'], languages: ['en'] },
  { code: 'FI', weight: 1, zones: ['Europe/Helsinki'], regions: ['Uusimaa', 'Pirkanmaa', 'North Ostrobothnia'], cities: ['Helsinki', 'Espoo', 'Tampere', 'Oulu'], languages: ['fi', 'sv', 'en'] },
  { code: 'PT', weight: 1, zones: ['Europe/Lisbon'], regions: ['Lisbon', 'Porto', 'Coimbra'], cities: ['Lisbon', 'Porto', 'Coimbra'], languages: ['pt', 'en'] },
  { code: 'GR', weight: 1, zones: ['Europe/Athens'], regions: ['Attica', 'Central Macedonia', 'Crete'], cities: ['Athens', 'Thessaloniki', 'Heraklion'], languages: ['el', 'en'] },
  { code: 'TR', weight: 2, zones: ['Europe/Istanbul'], regions: ['Istanbul', 'Ankara', 'İzmir'], cities: ['Istanbul', 'Ankara', 'İzmir'], languages: ['tr', 'en'] },
  { code: 'UA', weight: 1, zones: ['Europe/Kyiv'], regions: ['Kyiv', 'Kharkiv', 'Lviv'], cities: ['Kyiv', 'Kharkiv', 'Lviv'], languages: ['uk', 'ru', 'en'] },
  { code: 'IL', weight: 1, zones: ['Asia/Jerusalem'], regions: ['Tel Aviv', 'Haifa', 'Jerusalem'], cities: ['Tel Aviv', 'Haifa', 'Rehovot'], languages: ['en', 'ar'] },
  { code: 'JO', weight: 1, zones: ['Asia/Amman'], regions: ['Amman', 'Irbid'], cities: ['Amman', 'Irbid'], languages: ['ar', 'en'] },
  { code: 'EG', weight: 1, zones: ['Africa/Cairo'], regions: ['Cairo', 'Alexandria', 'Giza'], cities: ['Cairo', 'Alexandria'], languages: ['ar', 'en'] },
  { code: 'MA', weight: 1, zones: ['Africa/Casablanca'], regions: ['Casablanca-Settat', 'Rabat-Salé-Kénitra'], cities: ['Casablanca', 'Rabat'], languages: ['ar', 'fr', 'en'] },
  { code: 'NG', weight: 3, zones: ['Africa/Lagos'], regions: ['Lagos', 'Oyo', 'Enugu', 'Kano', 'Abuja'], cities: ['Lagos', 'Ibadan', 'Enugu', 'Abuja', 'Nsukka'], languages: ['en', 'yo'] },
  { code: 'GH', weight: 1, zones: ['Africa/Accra'], regions: ['Greater Accra', 'Ashanti'], cities: ['Accra', 'Kumasi'], languages: ['en'] },
  { code: 'KE', weight: 2, zones: ['Africa/Nairobi'], regions: ['Nairobi', 'Mombasa', 'Kisumu'], cities: ['Nairobi', 'Mombasa', 'Kisumu'], languages: ['en', 'sw'] },
  { code: 'TZ', weight: 1, zones: ['Africa/Dar_es_Salaam'], regions: ['Dar es Salaam', 'Arusha'], cities: ['Dar es Salaam', 'Arusha'], languages: ['sw', 'en'] },
  { code: 'ET', weight: 1, zones: ['Africa/Addis_Ababa'], regions: ['Addis Ababa', 'Amhara'], cities: ['Addis Ababa', 'Bahir Dar'], languages: ['en'] },
  { code: 'ZA', weight: 2, zones: ['Africa/Johannesburg'], regions: ['Gauteng', 'Western Cape', 'KwaZulu-Natal'], cities: ['Johannesburg', 'Cape Town', 'Durban', 'Stellenbosch'], languages: ['en'] },
  { code: 'SN', weight: 1, zones: ['Africa/Dakar'], regions: ['Dakar', 'Thiès'], cities: ['Dakar', 'Thiès'], languages: ['fr', 'en'] },
  { code: 'AU', weight: 3, zones: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Perth'], regions: ['New South Wales', 'Victoria', 'Queensland', 'Western Australia'], cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Canberra'], languages: ['en'] },
  { code: 'NZ', weight: 1, zones: ['Pacific/Auckland'], regions: ['Auckland', 'Wellington', 'Canterbury'], cities: ['Auckland', 'Wellington', 'Christchurch'], languages: ['en'] },
  { code: 'SG', weight: 1, zones: ['Asia/Singapore'], regions: [], cities: ['Singapore'], languages: ['en', 'zh'] },
  { code: 'ID', weight: 2, zones: ['Asia/Jakarta'], regions: ['Jakarta', 'West Java', 'Yogyakarta', 'East Java'], cities: ['Jakarta', 'Bandung', 'Yogyakarta', 'Surabaya'], languages: ['id', 'en'] },
  { code: 'VN', weight: 1, zones: ['Asia/Ho_Chi_Minh'], regions: ['Hanoi', 'Ho Chi Minh City', 'Da Nang'], cities: ['Hanoi', 'Ho Chi Minh City', 'Da Nang'], languages: ['vi', 'en'] },
  { code: 'BD', weight: 1, zones: ['Asia/Dhaka'], regions: ['Dhaka', 'Chittagong'], cities: ['Dhaka', 'Chittagong'], languages: ['bn', 'en'] },
  { code: 'PK', weight: 1, zones: ['Asia/Karachi'], regions: ['Punjab', 'Sindh', 'Islamabad'], cities: ['Lahore', 'Karachi', 'Islamabad'], languages: ['en'] },
  { code: 'TH', weight: 1, zones: ['Asia/Bangkok'], regions: ['Bangkok', 'Chiang Mai'], cities: ['Bangkok', 'Chiang Mai'], languages: ['en'] },
  { code: 'MY', weight: 1, zones: ['Asia/Kuala_Lumpur'], regions: ['Selangor', 'Penang'], cities: ['Kuala Lumpur', 'Penang'], languages: ['en', 'zh'] },
  { code: 'PH', weight: 1, zones: ['Asia/Manila'], regions: ['Metro Manila', 'Cebu'], cities: ['Manila', 'Cebu'], languages: ['en'] },
];

export const ROLES = lines(`
Research software engineer
Senior research software engineer
Staff data engineer
Data scientist
Senior data scientist
Machine learning engineer
Associate professor
Assistant professor
Professor
Lecturer
Senior lecturer
Postdoctoral researcher
Research scientist
Staff scientist
Principal scientist
Beamline scientist
Detector physicist
Instrument scientist
Computational physicist
Computational chemist
Software engineer
Senior software engineer
Engineering manager
Product manager
Technical lead
Open source maintainer
Developer advocate
HPC consultant
Research computing manager
Science writer
Science journalist
Grant officer
Programme manager
Startup founder
Co-founder
Consultant
Quantitative analyst
Patent attorney
Policy advisor
Lab manager
Teaching fellow
Community manager
Head of research
Director of engineering
Applied scientist
Systems engineer
Hardware engineer
Firmware engineer
Optical engineer
Electronics engineer
Reliability engineer
Science educator
Career coach
Editor
Statistician
Biostatistician
Research fellow
Chief technology officer
Solutions architect
Platform engineer
`);

/** Phrases per topic id; topics not listed here draw from the general fields. */
export const TOPIC_PHRASES: Record<string, string[]> = {
  'industry-careers': ['moving into industry', 'industry research labs', 'corporate research', 'applied research teams', 'hiring managers', 'product teams'],
  'academic-careers': ['faculty applications', 'tenure review', 'research statements', 'academic job talks', 'starting a research group', 'teaching statements'],
  'grant-writing': ['grant proposals', 'funding agencies', 'review panels', 'budget justifications', 'consortium proposals', 'fellowship applications'],
  'scientific-writing': ['journal articles', 'peer review', 'revision letters', 'thesis chapters', 'preprints', 'structuring papers'],
  'data-science': ['statistical modelling', 'exploratory analysis', 'data pipelines', 'dashboards', 'experimental design', 'Bayesian inference'],
  'machine-learning': ['neural networks', 'deep learning', 'model evaluation', 'representation learning', 'reinforcement learning', 'transformer models'],
  'software-engineering': ['code review', 'testing strategies', 'software architecture', 'continuous integration', 'refactoring legacy code', 'version control'],
  'open-source': ['open source communities', 'maintaining packages', 'contributor onboarding', 'licensing questions', 'governance models', 'release management'],
  'research-software': ['research software', 'reproducible workflows', 'scientific libraries', 'packaging', 'software citation', 'sustainable codebases'],
  hpc: ['supercomputers', 'parallel programming', 'GPU kernels', 'batch schedulers', 'performance profiling', 'message passing'],
  instrumentation: ['particle detectors', 'readout electronics', 'calibration campaigns', 'vacuum systems', 'cryogenic sensors', 'beam tests'],
  entrepreneurship: ['spin-off companies', 'seed funding', 'customer discovery', 'pitch decks', 'founding teams', 'licensing deals'],
  leadership: ['managing teams', 'difficult conversations', 'delegation', 'running meetings', 'performance reviews', 'strategy documents'],
  teaching: ['lecture design', 'active learning', 'assessment', 'course materials', 'laboratory teaching', 'supervising students'],
  'science-communication': ['public talks', 'podcasts', 'science festivals', 'press releases', 'explainer videos', 'museum exhibits'],
  'job-search': ['résumés', 'cover letters', 'technical interviews', 'salary negotiation', 'networking', 'job boards'],
  'international-mobility': ['visa applications', 'relocating abroad', 'learning a new language', 'foreign credentials', 'working across cultures', 'family relocation'],
  'work-life-balance': ['burnout', 'boundaries', 'parental leave', 'sustainable schedules', 'saying no', 'rest and recovery'],
  'diversity-inclusion': ['inclusive hiring', 'mentoring programmes', 'accessibility', 'first-generation students', 'equity committees', 'belonging'],
};

export const FIELDS = lines(`
condensed matter physics
particle physics
nuclear physics
astrophysics
cosmology
plasma physics
quantum optics
quantum computing
atomic physics
biophysics
geophysics
climate modelling
oceanography
atmospheric chemistry
computational chemistry
physical chemistry
organic synthesis
materials science
polymer science
electrochemistry
battery research
solar cells
semiconductor devices
photonics
laser spectroscopy
electron microscopy
crystallography
fluid dynamics
turbulence
combustion
acoustics
robotics
control theory
signal processing
power electronics
embedded systems
structural engineering
civil engineering
aerospace engineering
mechanical engineering
chemical engineering
biomedical engineering
medical imaging
neuroscience
genomics
bioinformatics
epidemiology
ecology
hydrology
seismology
glaciology
remote sensing
computer vision
natural language processing
numerical analysis
applied mathematics
statistics
operations research
network science
complex systems
cryptography
computer security
distributed systems
databases
compilers
scientific visualisation
gravitational waves
radio astronomy
planetary science
space instrumentation
accelerator physics
neutron scattering
magnetism
superconductivity
thin films
nanotechnology
metrology
energy systems
nuclear engineering
transport modelling
economics
science policy
`);

export const TOOLS = words(`
Python Julia Fortran Rust Go C++ Java JavaScript TypeScript R MATLAB Mathematica LabVIEW Verilog VHDL SQL PostgreSQL SQLite
Kubernetes Docker Slurm MPI OpenMP CUDA HIP Kokkos NumPy SciPy pandas Polars PyTorch TensorFlow JAX scikit-learn Dask Spark
Airflow Snakemake Nextflow Jupyter LaTeX Git GitHub GitLab Zenodo Conda Spack CMake Bazel Linux ROOT Geant4 OpenFOAM LAMMPS
GROMACS Quantum-ESPRESSO VASP Blender ParaView Grafana Terraform AWS Azure HDF5 NetCDF Arrow Parquet Django Flask FastAPI
React Svelte D3 Plotly Matplotlib ggplot2 Stan PyMC Xarray Zarr Ansible Nix Emacs Vim Excel Tableau Figma Arduino Raspberry-Pi
FPGA KiCad SolidWorks COMSOL Simulink OpenCV ImageJ Napari
`);

export const ORG_SUFFIXES = ['Institute', 'Laboratory', 'Lab', 'Analytics', 'Research', 'Labs', 'Systems', 'Technologies', 'Observatory', 'Centre', 'Foundation', 'Consulting', 'Instruments', 'Photonics', 'Dynamics', 'Software', 'Collective', 'Group'];
export const ORG_WORDS = words(`
Aurora Northwind Meridian Lakeshore Harbour Granite Cedar Aspen Boreal Cobalt Copper Coral Delta Ember Fjord Helix Horizon
Iris Juniper Kestrel Lattice Lumen Maple Nimbus Orbit Pioneer Quartz Redwood Saffron Sierra Solstice Summit Tidewater Vector
Willow Zenith Beacon Compass Falcon Glacier Halcyon Indigo Keystone Lodestar Mosaic Nova Obsidian Prism Riverbend Sequoia
Signal Sparrow Terra Umbra Vantage Wavelength Yarrow Basalt Catalyst Driftwood Evergreen Foundry Gradient Hexagon Isotope
`);

// Nouns, verbs (base form), adjectives and adverbs used by the sentence grammar.
export const NOUNS = words(`
ability access account action activity adviser advice agenda agreement algorithm analysis answer application approach area
argument article aspect assignment assumption attention audience author background balance barrier baseline behaviour benchmark
benefit bias boundary branch budget bug calendar campaign candidate capacity career case category challenge chance change chapter
character check choice circle claim class client climate code colleague collaboration collection comment commitment committee
community company comparison competition component concept concern conclusion condition conference confidence conflict connection
consensus constraint contact context contract contribution conversation cost country course coverage craft culture curiosity
curriculum customer cycle dashboard data deadline debate decision definition degree demand department deployment design detail
detector development device diagram difference difficulty dimension direction discipline discovery discussion distance document
domain draft dynamics economy editor education effect effort element email emphasis employer energy engine engineer environment
equation equipment error estimate evaluation event evidence example exercise expectation experience experiment expert explanation
exposure facility factor failure family feature feedback fellowship field figure finding firm focus format foundation framework
freedom function funding future gap generation goal grant graph group growth guidance guide habit hardware history hobby hypothesis
idea identity impact implementation improvement incentive income independence industry influence information infrastructure
initiative input insight instinct institution instrument interest interface interview introduction intuition investment issue
job journal journey judgement kernel knowledge lab language lead leader lesson level library lifecycle limit list literature logic
loop machine maintenance manager manuscript map market material matter measurement mechanism meeting member memory mentor mentee
message method metric milestone mindset mission mistake model module moment momentum motivation network niche note notebook
number objective observation obstacle offer office opinion opportunity option order organisation outcome outline output owner
pace package panel paper parameter partner pattern peer perspective phase pipeline plan platform point policy portfolio position
practice preference presentation pressure principle priority problem procedure process product profile programme progress
project promotion proposal prototype publication purpose quality question range rate reader reality reason recommendation record
referee reference relationship release report repository request requirement research resource response responsibility result
review reward rhythm risk role routine rule sample scale schedule scheme science scope score script season sector semester seminar
sensor sequence series service session setback setting signal simulation situation skill solution source space speaker specialist
stage stakeholder standard start statement step story strategy strength structure student study style subject success summary
supervisor support survey system table talent target task team technique technology template tension term test theme theory thesis
thread timeline tool topic track tradition training transition trend trust tutorial uncertainty understanding unit update user value
version video view vision voice volunteer week weakness website window workflow workshop world writer year
abstract accelerator adjustment adventure affiliation allocation ambition amplifier anchor anomaly antenna anxiety apparatus
appendix appetite archive arena array artefact aspiration assembly asset atlas attempt attitude audit avenue award backlog
bandwidth barometer battery beam belief bench blueprint bottleneck brainstorm bridge brief buffer bulletin bundle cable cache
canvas capstone cartridge catalogue cavity ceiling census chamber channel charter chemistry chip chorus circuit citation clinic
cluster coalition cohort coil column compass compiler compromise conductor console consortium container continent controller
corridor crystal current cushion dataset debt decade deficit delay delegate detour diagnosis dialogue diary diploma discourse
dissertation dividend dossier drift duty ecosystem edition electrode elevator emission encounter endeavour engagement entry
epoch essay ethic excursion exhibit expedition fabric faculty fault fee festival fibre filter flask flow fluke forecast forum
fracture fragment friction frontier furnace gadget galaxy garage gateway gauge genome gesture glossary gradient grid guild
hackathon handbook harbour harness heuristic highway horizon hurdle hybrid icon incubator index inquiry inspection instance
internship inventory invitation itinerary jargon juncture ladder landmark laptop laser lattice launch lecture ledger legacy
lens licence lever lexicon lineage magnet mandate manifesto margin marathon matrix maze mechanic medium microscope migration
mirror modality molecule monitor monograph motor mountain narrative neighbourhood neuron nucleus orbit orchestra oscillator
outreach oven particle passport patent pathway pedagogy pendulum petition photon pilot pitch pivot planet plot podcast poster
prism probe protocol puzzle pyramid quota radar reactor recipe recruiter reef regime rehearsal remedy reservoir residency
resonance retreat ritual roadmap rocket rotation rubric sabbatical satellite scaffold scanner scholarship scholar scripture
semiconductor shortcut shuttle skeleton sketch slide socket spectrum sponsor spreadsheet stamina stipend storm stream substrate
summit surface symposium syllabus symptom tablet tactic telescope tempo tenure terminal textbook threshold ticket toolkit
trajectory transcript turbine tutor valve vessel vocabulary voltage voyage wavelength wiki workbench yardstick
`);

export const VERBS = words(`
analyse apply argue assess build calibrate change choose coach collaborate collect compare compile complete connect consider
contribute coordinate create debug decide define deliver deploy describe design develop discover discuss document draft edit
encourage estimate evaluate examine explain explore facilitate finish fix focus gather guide handle help identify implement
improve include interpret interview introduce investigate join launch lead learn listen maintain manage map measure mentor model
monitor motivate move navigate negotiate observe offer optimise organise outline pair plan practise prepare present prioritise
profile propose prototype publish question rebuild recommend record redesign refactor reflect release repair report represent
research review revise run scale schedule share shape simulate simplify sketch solve speak start structure study summarise
supervise support survey teach test train translate troubleshoot understand update validate visualise volunteer write
adapt advocate align anticipate archive assemble audit automate balance benchmark brainstorm capture catalogue clarify
classify combine commission compose configure convince critique curate decode delegate demonstrate derive diagnose digitise
dismantle distil diversify draw embrace emulate engage enrich excavate expand fabricate forecast formulate frame grow host
illustrate incubate inspect integrate invent iterate juggle label lobby localise mobilise moderate narrate normalise nurture
orchestrate package persuade pilot pitch polish predict preserve probe quantify rank reconcile recruit reframe rehearse
replicate restructure retrain reuse rewrite scaffold screen scrutinise sequence sharpen stabilise standardise streamline
stretch synthesise tackle tailor trace transform tune unpack verify weigh
`);

export const ADJECTIVES = words(`
academic accurate active actual adaptive additional ambitious analytical annual applied appropriate broad busy careful central
challenging clear collaborative comfortable common competitive complex computational concrete confident consistent constructive
creative critical curious daily deep detailed different difficult direct diverse early effective efficient empirical entire
essential established ethical everyday exact excellent experimental explicit external fair familiar fast final flexible formal
frequent friendly fundamental general generous global good great hands-on helpful honest huge ideal important incremental
independent informal initial innovative interdisciplinary internal international interesting key large late lateral lightweight
local long main major manual meaningful messy minor modern modest multidisciplinary narrow national natural necessary new
next numerical obvious occasional old open operational optional original overall painful parallel particular patient personal
physical popular positive possible practical precise previous primary private productive professional public quantitative quick
quiet rare rational realistic recent regular relevant reliable remote reproducible robust rough scientific second senior serious
short significant simple small social solid special specific stable steady strategic strong structured successful sudden
supportive sustainable systematic technical theoretical thoughtful tough traditional typical uncertain unexpected unusual
useful valuable various visible vital weekly wide young
abstract adjacent agile alert ancient anxious archival awkward balanced bold brave brief bright brilliant calm candid chaotic
cheerful chronic classic coherent compact compelling comprehensive concise conservative contemporary continuous cosmic crucial
decisive delicate dense dependable digital discreet distant dynamic eager elaborate elegant elusive emerging encouraging
energetic enormous exhausting expensive experienced exploratory fragile frugal generic genuine graceful gradual granular hidden
humble hybrid imaginative impatient implicit inclusive informative inspiring intense intricate invisible iterative lengthy
linear lively logical loyal marginal mature mechanical mobile modular mutual nervous neutral noisy nonlinear novel odd
optimistic orderly organic overlooked peculiar persistent pivotal playful plausible polished portable pragmatic predictable
proactive profound prolific quirky radical rapid reflective resilient resourceful rigorous seasonal sensible sensitive shared
silent sparse spontaneous stubborn subtle symbolic tangible tedious thorough tidy transparent tricky unconventional unfinished
urgent versatile vivid volatile wise
`);

export const ADVERBS = words(`
actively almost always carefully clearly closely completely consistently deliberately directly easily eventually exactly
explicitly finally frankly frequently gently gradually happily honestly immediately increasingly largely mainly mostly naturally
occasionally often openly particularly patiently personally primarily probably quickly quietly rarely readily regularly seriously
simply slowly sometimes steadily strongly surprisingly systematically thoroughly typically usually
`);

export const GROUPS = lines(`
early-career researchers
PhD students
postdocs
first-generation students
career changers
international students
undergraduate interns
junior engineers
new team leads
returning parents
self-taught programmers
lab technicians
research software engineers
women in physics
students from small universities
people outside academia
`);

export const PLACES_BEFORE = lines(`
a national laboratory
a small liberal arts college
a large research university
a hardware startup
a government agency
a museum
a hospital research unit
a weather service
a telescope project
a space agency
a semiconductor company
a public broadcaster
a non-profit
a consulting firm
a synchrotron facility
a bank
an energy company
an engineering firm
`);

export const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty'];
