"""The data behind ``mujtama.training.demo``: about forty courses of fifteen member
organizations (ten co-taught with a university or an institute), some sixty cohorts
in the fourteen governorates and online in every state, and the young people who
apply to them.

A cohort is written as a row naming its course, its place, the state it reached and
how many days ago (or ahead) that was; its dates, its applicants and what happens to
each of them follow from that in ``demo``. Every name, phone number and figure is
invented for the demo; places are real.
"""

from typing import NamedTuple

# --- Courses ----------------------------------------------------------------------------

BEGINNER, INTERMEDIATE, ADVANCED = "beginner", "intermediate", "advanced"
IN_PERSON, ONLINE, BLENDED = "in_person", "online", "blended"


class CourseSpec(NamedTuple):
    key: str
    provider: str  # slug of a demo organization
    title_ar: str
    title_en: str
    description_ar: str
    description_en: str
    skills: str  # "، "-separated; the topics of the sessions, in turn
    level: str
    hours: int
    mode: str
    co_provider: str = ""  # slug, e.g. the university that co-teaches it
    # Where graduates who find work tend to work (mujtama.training.models.WorkSector).
    sectors: str = "technology trade"


COURSES: list[CourseSpec] = [
    # --- Web and software ----------------------------------------------------------------
    CourseSpec(
        "web-basics",
        "programmers",
        "أساسيات تطوير الويب: HTML وCSS وJavaScript",
        "Web development basics: HTML, CSS and JavaScript",
        "دورة تأسيسية لمن لم يكتب سطراً برمجياً من قبل: بنية صفحة الويب، والتنسيق المتجاوب "
        "مع شاشات الهواتف، وأول تفاعل بلغة JavaScript، وتنتهي بموقع شخصي ينشره كل متدرب.",
        "A first course for people who have never written code: how a web page is built, "
        "layouts that work on phone screens and a first taste of JavaScript, ending with a "
        "personal website each trainee publishes.",
        "بنية صفحة HTML، التنسيق بـCSS، التصميم المتجاوب، أساسيات JavaScript، نشر الموقع",
        BEGINNER,
        60,
        BLENDED,
        co_provider="du-fite",
    ),
    CourseSpec(
        "web-backend",
        "programmers",
        "تطوير تطبيقات الويب بلغة Python وإطار Django",
        "Building web applications with Python and Django",
        "يبني المتدربون تطبيقاً كاملاً لإدارة طلبات خدمة محلية: النماذج وقاعدة البيانات "
        "والصلاحيات والاختبارات، ثم نشره على خادم، بإشراف مطوّرين من الجمعية.",
        "Trainees build a complete application for a local service desk: models, the "
        "database, permissions and tests, then deploy it to a server, mentored by the "
        "association's developers.",
        "أساسيات Python، نماذج Django وقاعدة البيانات، النماذج والتحقق، الصلاحيات، "
        "كتابة الاختبارات، النشر على خادم",
        INTERMEDIATE,
        90,
        BLENDED,
    ),
    CourseSpec(
        "frontend-react",
        "amal",
        "بناء واجهات تفاعلية باستخدام React",
        "Building interactive interfaces with React",
        "دورة عن بُعد لمن يعرف أساسيات JavaScript: المكوّنات والحالة والتعامل مع واجهات "
        "برمجة التطبيقات، مع مشروع ختامي يُراجَع كوده مع مدرّب.",
        "An online course for people who know basic JavaScript: components, state and "
        "working with APIs, with a final project whose code is reviewed with a trainer.",
        "المكوّنات والخصائص، إدارة الحالة، جلب البيانات من الواجهات البرمجية، التوجيه، مراجعة الكود",
        INTERMEDIATE,
        48,
        ONLINE,
    ),
    CourseSpec(
        "wordpress",
        "bahr",
        "إنشاء المواقع بنظام ووردبريس للمشاريع الصغيرة",
        "WordPress websites for small businesses",
        "يتعلم المتدربون إنشاء موقع لمحل أو ورشة أو جمعية وإدارته دون برمجة: القوالب "
        "والصفحات والنماذج والمتجر البسيط، ويخرج كل منهم بموقع لمشروع حقيقي من منطقته.",
        "Trainees learn to build and run a website for a shop, a workshop or an association "
        "without coding: themes, pages, forms and a simple shop, each leaving with a site "
        "for a real local business.",
        "تثبيت ووردبريس، القوالب والصفحات، الإضافات الأساسية، المتجر البسيط، الحماية "
        "والنسخ الاحتياطي",
        BEGINNER,
        24,
        IN_PERSON,
        sectors="trade technology",
    ),
    CourseSpec(
        "mobile-apps",
        "amal",
        "تطوير تطبيقات الهاتف المحمول باستخدام Flutter",
        "Mobile app development with Flutter",
        "من الفكرة إلى تطبيق يعمل على أندرويد: التصميم والواجهات والتخزين المحلي والعمل "
        "دون اتصال، بالتعاون مع كلية الهندسة المعلوماتية في جامعة حلب.",
        "From an idea to an app running on Android: design, screens, local storage and "
        "working offline, with the Faculty of Informatics Engineering of the University "
        "of Aleppo.",
        "لغة Dart، الواجهات في Flutter، التخزين المحلي، العمل دون اتصال، النشر على المتجر",
        INTERMEDIATE,
        72,
        BLENDED,
        co_provider="aleppo-university",
    ),
    CourseSpec(
        "linux-admin",
        "khabour",
        "إدارة أنظمة لينكس والخوادم",
        "Linux and server administration",
        "إدارة خادم لينكس من سطر الأوامر: المستخدمون والصلاحيات والخدمات والنسخ الاحتياطي "
        "والمراقبة، على خوادم تدريبية يجهّزها الفريق في الحسكة.",
        "Running a Linux server from the command line: users, permissions, services, "
        "backups and monitoring, on training servers the team sets up in Al-Hasakeh.",
        "سطر الأوامر، المستخدمون والصلاحيات، إدارة الخدمات، النسخ الاحتياطي، المراقبة",
        INTERMEDIATE,
        40,
        BLENDED,
    ),
    # --- Data ------------------------------------------------------------------------------
    CourseSpec(
        "data-excel",
        "nour",
        "تحليل البيانات باستخدام Excel وPower BI",
        "Data analysis with Excel and Power BI",
        "تنظيف الجداول وتلخيصها بالجداول المحورية، ثم بناء لوحات متابعة تفاعلية، على "
        "بيانات مشاريع مجتمعية حقيقية بعد إخفاء هوية أصحابها.",
        "Cleaning and summarising tables with pivot tables, then building interactive "
        "dashboards, on real community project data with people's identities removed.",
        "تنظيف البيانات، الصيغ والدوال، الجداول المحورية، المخططات، لوحات Power BI",
        BEGINNER,
        30,
        IN_PERSON,
        sectors="ngo trade government",
    ),
    CourseSpec(
        "data-python",
        "programmers",
        "تحليل البيانات بلغة Python",
        "Data analysis with Python",
        "مكتبات pandas وmatplotlib لقراءة البيانات وتنظيفها وتحليلها وعرضها، مع مشروع "
        "ختامي على بيانات مفتوحة عن سورية، بالتعاون مع جامعة حلب.",
        "pandas and matplotlib to read, clean, analyse and chart data, with a final project "
        "on open data about Syria, together with the University of Aleppo.",
        "أساسيات Python، مكتبة pandas، تنظيف البيانات، التحليل الوصفي، الرسوم البيانية",
        INTERMEDIATE,
        48,
        BLENDED,
        co_provider="aleppo-university",
    ),
    CourseSpec(
        "data-survey",
        "furat-digital",
        "جمع البيانات الميدانية بالأدوات الرقمية",
        "Digital field data collection",
        "تصميم الاستبيانات على KoboToolbox وجمع البيانات بالهاتف دون اتصال وحماية خصوصية "
        "المستجيبين، لمن يعمل أو يريد العمل مع المنظمات في المنطقة الشرقية.",
        "Designing surveys in KoboToolbox, collecting data on a phone offline and "
        "protecting respondents' privacy, for people who work or want to work with "
        "organizations in the east of the country.",
        "تصميم الاستبيان، KoboToolbox، الجمع دون اتصال، جودة البيانات، حماية الخصوصية",
        BEGINNER,
        18,
        IN_PERSON,
        sectors="ngo government",
    ),
    CourseSpec(
        "data-viz",
        "sham-content",
        "تصوير البيانات وسرد القصص بالأرقام",
        "Data visualisation and storytelling with numbers",
        "كيف تختار المخطط المناسب وتكتب حوله قصة يفهمها القارئ، مع تطبيقات على تقارير "
        "إعلامية وتقارير منظمات باللغة العربية.",
        "How to choose the right chart and tell a story around it that readers understand, "
        "applied to media and organization reports in Arabic.",
        "اختيار المخطط، أدوات التصوير المجانية، الخرائط البسيطة، كتابة القصة، التدقيق",
        INTERMEDIATE,
        24,
        ONLINE,
        sectors="ngo technology",
    ),
    CourseSpec(
        "sql",
        "nitsa",
        "قواعد البيانات ولغة SQL",
        "Databases and SQL",
        "تصميم قاعدة بيانات علائقية والاستعلام عنها بلغة SQL، بأمثلة من أنظمة الخدمات "
        "العامة، بالتعاون مع المعهد العالي للعلوم التطبيقية والتكنولوجيا.",
        "Designing a relational database and querying it in SQL, with examples from public "
        "service systems, together with the Higher Institute for Applied Sciences and "
        "Technology.",
        "النموذج العلائقي، استعلامات SELECT، الربط بين الجداول، التجميع، الفهارس",
        INTERMEDIATE,
        36,
        BLENDED,
        co_provider="hiast",
        sectors="technology government",
    ),
    # --- Marketing, content and design -----------------------------------------------------
    CourseSpec(
        "digital-marketing",
        "women-tech",
        "التسويق الرقمي للمشاريع الصغيرة",
        "Digital marketing for small businesses",
        "خطة تسويق لمشروع صغير بميزانية محدودة: الجمهور والرسائل والإعلانات المموّلة "
        "وقياس النتائج، مع تطبيق عملي على مشاريع منزلية لمتدربات ومتدربين من المحافظة.",
        "A marketing plan for a small business on a small budget: audience, messages, paid "
        "adverts and measuring results, applied to home businesses of trainees from the "
        "governorate.",
        "تحديد الجمهور، خطة المحتوى، الإعلانات المموّلة، قياس النتائج، خدمة الزبائن",
        BEGINNER,
        30,
        IN_PERSON,
        sectors="trade",
    ),
    CourseSpec(
        "social-media",
        "sham-content",
        "إدارة حسابات التواصل الاجتماعي وصناعة المحتوى",
        "Social media management and content creation",
        "إدارة صفحات المؤسسات والمبادرات: التخطيط الشهري والتصميم السريع والكتابة "
        "المختصرة والرد على الجمهور والتعامل مع الأخبار المضلّلة.",
        "Running the pages of organizations and initiatives: monthly planning, quick design, "
        "short writing, answering the audience and handling misinformation.",
        "التخطيط الشهري، الكتابة المختصرة، التصميم السريع، الفيديو القصير، إدارة التعليقات",
        BEGINNER,
        24,
        BLENDED,
        sectors="ngo trade",
    ),
    CourseSpec(
        "arabic-content",
        "sham-content",
        "كتابة المحتوى العربي للويب",
        "Writing Arabic content for the web",
        "الكتابة الواضحة بالعربية للمواقع والتطبيقات: العناوين والنصوص القصيرة وتحسين "
        "الظهور في محركات البحث والتدقيق اللغوي، مع تكليفات حقيقية من جهات شريكة.",
        "Clear Arabic writing for websites and apps: headings, short texts, search engine "
        "visibility and proofreading, with real assignments from partner organizations.",
        "الكتابة الواضحة، العناوين، تحسين الظهور في البحث، التدقيق اللغوي، الكتابة للتطبيقات",
        BEGINNER,
        24,
        ONLINE,
        sectors="technology ngo education",
    ),
    CourseSpec(
        "ai-prompts",
        "sham-content",
        "الذكاء الاصطناعي التوليدي بالعربية: كتابة الأوامر وتقييم النتائج",
        "Generative AI in Arabic: writing prompts and judging the results",
        "استعمال أدوات الذكاء الاصطناعي التوليدي في الكتابة والترجمة والتلخيص بالعربية، "
        "ومتى لا يُعتمد عليها، وكيف تُكشف أخطاؤها وتُحمى البيانات الشخصية.",
        "Using generative AI tools to write, translate and summarise in Arabic, when not to "
        "rely on them, how to catch their mistakes and how to protect personal data.",
        "كتابة الأوامر، التلخيص والترجمة، التحقق من المعلومات، حدود الأدوات، الخصوصية",
        BEGINNER,
        12,
        ONLINE,
        sectors="technology education ngo",
    ),
    CourseSpec(
        "graphic-design",
        "bahr",
        "التصميم الغرافيكي بالأدوات المفتوحة",
        "Graphic design with open tools",
        "مبادئ التصميم والألوان والخط العربي الرقمي، والعمل على برنامجي GIMP وInkscape "
        "المجانيين، حتى ملف أعمال من خمسة تصاميم لجهات حقيقية في الساحل.",
        "Principles of design, colour and digital Arabic type, working in the free GIMP "
        "and Inkscape, up to a portfolio of five designs for real organizations on the "
        "coast.",
        "مبادئ التصميم، الألوان، الخط العربي الرقمي، GIMP، Inkscape، ملف الأعمال",
        BEGINNER,
        40,
        IN_PERSON,
        sectors="trade other",
    ),
    CourseSpec(
        "ui-ux",
        "women-tech",
        "تصميم تجربة المستخدم وواجهات التطبيقات",
        "User experience and interface design",
        "البحث مع المستخدمين ورسم النماذج الأولية واختبارها، مع عناية خاصة بالواجهات "
        "العربية من اليمين إلى اليسار، بالتعاون مع الجامعة العربية الدولية.",
        "Research with users, prototyping and testing, with particular care for Arabic "
        "right-to-left interfaces, together with the Arab International University.",
        "البحث مع المستخدمين، النماذج الأولية، Figma، الواجهات العربية، اختبار قابلية الاستخدام",
        INTERMEDIATE,
        36,
        BLENDED,
        co_provider="aiu",
    ),
    CourseSpec(
        "video",
        "jabal",
        "التصوير والمونتاج بالهاتف المحمول للمحتوى المجتمعي",
        "Phone video and editing for community content",
        "تصوير قصص قصيرة عن المبادرات والمهن في القرى بالهاتف المحمول ومونتاجها بتطبيقات "
        "مجانية، مع أخلاقيات التصوير وموافقة من يظهرون فيه.",
        "Filming short stories about village initiatives and trades on a phone and editing "
        "them with free apps, with the ethics of filming and the consent of the people shown.",
        "التصوير بالهاتف، الصوت والإضاءة، المونتاج، الترجمة المرئية، أخلاقيات التصوير",
        BEGINNER,
        20,
        IN_PERSON,
        sectors="ngo trade other",
    ),
    CourseSpec(
        "arabic-wiki",
        "jabal",
        "التحرير في ويكيبيديا العربية وإثراء المحتوى المحلي",
        "Editing Arabic Wikipedia and enriching local content",
        "كتابة مقالات موثّقة عن قرى الجبل وتاريخها وأعلامها، والتعامل مع المصادر وحقوق "
        "النشر، في لقاءات حضورية وأمسيات تحرير عن بُعد.",
        "Writing sourced articles about the mountain's villages, history and people, and "
        "dealing with sources and copyright, in meetings and online editing evenings.",
        "أساسيات التحرير، الاستشهاد بالمصادر، حقوق النشر، الصور الحرة، مراجعة الأقران",
        BEGINNER,
        12,
        BLENDED,
        sectors="education ngo",
    ),
    # --- Devices and networks --------------------------------------------------------------
    CourseSpec(
        "mobile-repair",
        "furat-digital",
        "صيانة الهواتف المحمولة: العتاد والبرمجيات",
        "Mobile phone repair: hardware and software",
        "تدريب مهني عملي على تشخيص أعطال الهواتف واستبدال الشاشات والبطاريات ومنافذ "
        "الشحن وتحديث البرمجيات، مع عُدّة تبقى لمن يُتمّ التدريب ليبدأ عمله.",
        "Hands-on vocational training in diagnosing phone faults, replacing screens, "
        "batteries and charging ports and updating software, with a tool kit that those "
        "who complete keep to start working.",
        "أدوات الصيانة والسلامة، تشخيص الأعطال، تبديل الشاشات والبطاريات، منافذ الشحن، "
        "تحديث البرمجيات، إدارة ورشة صغيرة",
        BEGINNER,
        80,
        IN_PERSON,
        sectors="trade industry",
    ),
    CourseSpec(
        "board-repair",
        "khabour",
        "صيانة اللوحات الإلكترونية للهواتف (مستوى متقدم)",
        "Phone circuit board repair (advanced)",
        "لمن يعمل في الصيانة: قراءة المخططات واللحام الدقيق بالمجهر وإصلاح أعطال الشحن "
        "والطاقة على مستوى اللوحة.",
        "For people already in the trade: reading schematics, fine soldering under the "
        "microscope and repairing charging and power faults at board level.",
        "قراءة المخططات، اللحام بالمجهر، دوائر الشحن، دوائر الطاقة، تشخيص القِصر",
        ADVANCED,
        60,
        IN_PERSON,
        sectors="trade industry",
    ),
    CourseSpec(
        "pc-maintenance",
        "amal",
        "صيانة الحواسيب وتجميعها",
        "Computer maintenance and assembly",
        "تجميع حاسوب مكتبي من قطعه وتثبيت أنظمة التشغيل وتشخيص الأعطال الشائعة واستعادة "
        "البيانات، لمن يريد العمل في محل أو في قسم تقني لمؤسسة.",
        "Assembling a desktop computer from its parts, installing operating systems, "
        "diagnosing common faults and recovering data, for people who want to work in a "
        "shop or an organization's IT team.",
        "قطع الحاسوب، التجميع، تثبيت أنظمة التشغيل، تشخيص الأعطال، استعادة البيانات",
        BEGINNER,
        40,
        IN_PERSON,
        sectors="trade technology",
    ),
    CourseSpec(
        "networks",
        "ugarit-networks",
        "أساسيات الشبكات وتمديدها",
        "Networking fundamentals and cabling",
        "تمديد شبكات المكاتب والمدارس وتركيب الكابلات ونقاط الوصول اللاسلكية وإعداد "
        "الموجّهات، على معدات حقيقية في مخبر الشركة.",
        "Cabling the networks of offices and schools, installing wireless access points and "
        "configuring routers, on real equipment in the company's lab.",
        "نموذج OSI، تمديد الكابلات، العناوين والشبكات الفرعية، الشبكات اللاسلكية، إعداد الموجّهات",
        BEGINNER,
        40,
        IN_PERSON,
        sectors="technology trade",
    ),
    CourseSpec(
        "ccna",
        "ugarit-networks",
        "إدارة الشبكات والموجّهات (تحضير لشهادة CCNA)",
        "Network administration and routing (CCNA preparation)",
        "التوجيه والتبديل وأمن الشبكات بمستوى يؤهل لامتحان CCNA، بالتعاون مع كلية تقانة "
        "المعلومات في جامعة طرطوس.",
        "Routing, switching and network security to the level of the CCNA exam, together "
        "with the Faculty of Information Technology of Tartous University.",
        "التوجيه الساكن والديناميكي، الشبكات الافتراضية، قوائم التحكم بالوصول، الأمن، محاكاة الامتحان",
        INTERMEDIATE,
        70,
        BLENDED,
        co_provider="tartous-university",
    ),
    CourseSpec(
        "iot",
        "amal",
        "مدخل إلى إنترنت الأشياء والأنظمة المدمجة",
        "Introduction to the Internet of Things and embedded systems",
        "بناء أنظمة صغيرة بلوحات أردوينو والحساسات: مراقبة الري والطاقة الشمسية في "
        "المزارع، من الدارة إلى لوحة متابعة على الهاتف.",
        "Building small systems with Arduino boards and sensors: monitoring irrigation and "
        "solar power on farms, from the circuit to a dashboard on the phone.",
        "أساسيات الإلكترونيات، لوحات أردوينو، الحساسات، الاتصال اللاسلكي، لوحات المتابعة",
        INTERMEDIATE,
        40,
        IN_PERSON,
        sectors="technology agriculture industry",
    ),
    # --- Work -----------------------------------------------------------------------------
    CourseSpec(
        "freelancing",
        "furat-digital",
        "العمل الحر عبر المنصات الرقمية",
        "Freelancing on online platforms",
        "كيف تبني ملفاً على منصات العمل الحر وتكتب عرضاً مقنعاً وتسعّر عملك وتتعامل مع "
        "العملاء وتستلم أجرك، مع جلسات إرشاد من مستقلين سوريين.",
        "How to build a profile on freelancing platforms, write a convincing proposal, price "
        "your work, deal with clients and get paid, with mentoring from Syrian freelancers.",
        "اختيار المنصة، بناء الملف الشخصي، كتابة العروض، التسعير، التعامل مع العملاء، استلام الأجر",
        BEGINNER,
        20,
        BLENDED,
        sectors="technology trade",
    ),
    CourseSpec(
        "portfolio",
        "jisr",
        "ملف أعمال احترافي والتقدم للعمل عن بُعد",
        "A professional portfolio and applying for remote work",
        "لقاءات مسائية عن بُعد لبناء ملف أعمال على الإنترنت وكتابة رسائل التقدم للوظائف "
        "عن بُعد باللغتين.",
        "Online evening meetings to build an online portfolio and write applications for "
        "remote jobs in Arabic and English.",
        "اختيار الأعمال، عرض المشاريع، رسالة التقدم، المراسلة بالإنكليزية",
        BEGINNER,
        12,
        ONLINE,
    ),
    CourseSpec(
        "job-ready",
        "jisr",
        "الجاهزية لسوق العمل الرقمي: السيرة الذاتية والمقابلة",
        "Ready for the digital job market: the CV and the interview",
        "سيرة ذاتية واضحة وملف على منصات التوظيف ومقابلات تجريبية مع أصحاب عمل من "
        "المنطقة، لشباب ريف دير الزور الشرقي.",
        "A clear CV, a profile on job sites and mock interviews with local employers, for "
        "young people of eastern rural Deir-ez-Zor.",
        "كتابة السيرة الذاتية، منصات التوظيف، المقابلة التجريبية، التواصل المهني",
        BEGINNER,
        10,
        BLENDED,
        sectors="ngo trade",
    ),
    CourseSpec(
        "project-management",
        "horan",
        "إدارة المشاريع التقنية بالأساليب الرشيقة",
        "Agile management of technology projects",
        "تخطيط المشاريع التقنية وإدارتها بأسلوب سكرم وكانبان، وإدارة الفرق الموزعة "
        "والمخاطر، بالتعاون مع الجامعة العربية الدولية.",
        "Planning and running technology projects with Scrum and Kanban, managing "
        "distributed teams and risks, together with the Arab International University.",
        "أسلوب سكرم، لوحات كانبان، التخطيط والتقدير، الفرق الموزعة، إدارة المخاطر",
        INTERMEDIATE,
        24,
        BLENDED,
        co_provider="aiu",
        sectors="technology ngo",
    ),
    CourseSpec(
        "ecommerce",
        "horan",
        "البيع عبر الإنترنت وإدارة المتجر الإلكتروني",
        "Selling online and running an online shop",
        "لأصحاب المشاريع المنزلية والمحلات في حوران: عرض المنتجات وتصويرها وإدارة "
        "الطلبات والتوصيل والدفع والتعامل مع الزبائن.",
        "For home businesses and shops in Horan: presenting and photographing products, "
        "managing orders, delivery and payment, and dealing with customers.",
        "تصوير المنتجات، صفحة المتجر، إدارة الطلبات، التوصيل والدفع، خدمة الزبائن",
        BEGINNER,
        24,
        IN_PERSON,
        sectors="trade agriculture",
    ),
    CourseSpec(
        "accounting",
        "horan",
        "المحاسبة الإلكترونية للمشاريع الصغيرة",
        "Computerised accounting for small businesses",
        "مسك دفاتر مشروع صغير على برنامج محاسبة مجاني: الفواتير والمخزون والمصاريف "
        "والتقارير الشهرية.",
        "Keeping the books of a small business in free accounting software: invoices, stock, "
        "expenses and monthly reports.",
        "أساسيات المحاسبة، الفواتير، المخزون، المصاريف، التقارير الشهرية",
        BEGINNER,
        24,
        IN_PERSON,
        sectors="trade agriculture",
    ),
    # --- Security and AI ------------------------------------------------------------------
    CourseSpec(
        "cyber-basics",
        "shield-cyber",
        "أساسيات الأمن السيبراني للجميع",
        "Cybersecurity basics for everyone",
        "حماية الحسابات والهواتف من الاختراق والاحتيال: كلمات المرور والتحقق بخطوتين "
        "والتعرف على رسائل التصيّد والنسخ الاحتياطي.",
        "Protecting accounts and phones from hacking and fraud: passwords, two-step "
        "verification, spotting phishing and backups.",
        "كلمات المرور، التحقق بخطوتين، رسائل التصيّد، أمان الهاتف، النسخ الاحتياطي",
        BEGINNER,
        18,
        ONLINE,
        sectors="technology",
    ),
    CourseSpec(
        "soc",
        "shield-cyber",
        "مدخل إلى مراكز عمليات الأمن وتحليل السجلات",
        "Introduction to security operations and log analysis",
        "رصد الحوادث الأمنية وتحليل السجلات والاستجابة الأولية، في مختبر محاكاة، بالتعاون "
        "مع كلية الهندسة المعلوماتية في جامعة دمشق.",
        "Detecting security incidents, analysing logs and first response, in a simulation "
        "lab, together with the Faculty of Information Technology Engineering of Damascus "
        "University.",
        "السجلات ومصادرها، أنظمة الرصد، تحليل الحوادث، الاستجابة الأولية، كتابة التقرير",
        ADVANCED,
        80,
        BLENDED,
        co_provider="du-fite",
    ),
    CourseSpec(
        "ngo-data-protection",
        "shield-cyber",
        "حماية بيانات المنظمات المجتمعية",
        "Protecting the data of community organizations",
        "للعاملين في الجمعيات والمبادرات: حفظ بيانات المستفيدين ومشاركتها بأمان، وصلاحيات "
        "الوصول، وما يُفعل عند فقدان جهاز أو اختراق حساب.",
        "For people who work in associations and initiatives: keeping and sharing "
        "beneficiaries' data safely, access rights, and what to do when a device is lost or "
        "an account is hacked.",
        "تصنيف البيانات، المشاركة الآمنة، صلاحيات الوصول، التشفير، خطة الطوارئ",
        INTERMEDIATE,
        16,
        IN_PERSON,
        sectors="ngo government",
    ),
    CourseSpec(
        "ai-literacy",
        "nitsa",
        "محو الأمية في الذكاء الاصطناعي: أدوات للعمل اليومي",
        "AI literacy: tools for everyday work",
        "ما الذكاء الاصطناعي وما حدوده، وكيف يُستعمل بمسؤولية في العمل اليومي والخدمات "
        "العامة، بالتعاون مع الجامعة الافتراضية السورية.",
        "What AI is and where its limits lie, and how to use it responsibly in everyday work "
        "and public services, together with the Syrian Virtual University.",
        "مفاهيم أساسية، أدوات المساعدة في الكتابة، تحليل الصور والنصوص، التحيز والأخطاء، "
        "الاستعمال المسؤول",
        BEGINNER,
        15,
        ONLINE,
        co_provider="svu",
        sectors="technology government education",
    ),
    CourseSpec(
        "ml-intro",
        "programmers",
        "مدخل إلى تعلّم الآلة",
        "Introduction to machine learning",
        "نماذج التصنيف والانحدار وتقييمها بمكتبة scikit-learn، ومعالجة النصوص العربية، "
        "بالتعاون مع المعهد العالي للعلوم التطبيقية والتكنولوجيا.",
        "Classification and regression models and how to evaluate them with scikit-learn, "
        "and processing Arabic text, together with the Higher Institute for Applied "
        "Sciences and Technology.",
        "تهيئة البيانات، الانحدار، التصنيف، تقييم النماذج، معالجة النص العربي",
        ADVANCED,
        60,
        BLENDED,
        co_provider="hiast",
    ),
    # --- Services and inclusion -------------------------------------------------------------
    CourseSpec(
        "egov",
        "nitsa",
        "الخدمات الحكومية الإلكترونية للعاملين المجتمعيين",
        "E-government services for community workers",
        "للعاملين في الجمعيات ومراكز المجتمع المحلي الذين يساعدون المواطنين: الخدمات "
        "المتاحة على الإنترنت وخطواتها ووثائقها، وحماية بيانات من يُساعَد.",
        "For people in associations and community centres who help citizens: which services "
        "are online, their steps and documents, and protecting the data of those helped.",
        "دليل الخدمات الإلكترونية، إنشاء الحسابات، رفع الوثائق، الدفع الإلكتروني، حماية البيانات",
        BEGINNER,
        12,
        IN_PERSON,
        sectors="government ngo",
    ),
    CourseSpec(
        "helpdesk",
        "jisr",
        "إدارة مكتب المساعدة الرقمية في المجتمع المحلي",
        "Running a community digital help desk",
        "تدريب متطوعي مكاتب المساعدة في ريف دير الزور الشرقي على استقبال الطلبات "
        "وتوثيقها ومتابعتها وإحالتها، وعلى الخدمات الأكثر طلباً.",
        "Training the volunteers of help desks in eastern rural Deir-ez-Zor to take in, "
        "record, follow and refer requests, and in the services most asked for.",
        "استقبال الطلبات، التوثيق، المتابعة والإحالة، الخدمات الأكثر طلباً، السرية",
        BEGINNER,
        16,
        IN_PERSON,
        sectors="ngo government",
    ),
    CourseSpec(
        "office-skills",
        "quneitra-digital",
        "المهارات الحاسوبية الأساسية والتطبيقات المكتبية",
        "Basic computer and office skills",
        "الحاسوب والبريد الإلكتروني ومعالجة النصوص والجداول والعروض، لمن يستعمل الحاسوب "
        "لأول مرة أو يحتاجه للتقدم إلى عمل.",
        "The computer, email, word processing, spreadsheets and presentations, for people "
        "using a computer for the first time or who need it to apply for a job.",
        "أساسيات الحاسوب، البريد الإلكتروني، معالجة النصوص، الجداول، العروض التقديمية",
        BEGINNER,
        30,
        IN_PERSON,
        sectors="trade government education",
    ),
    CourseSpec(
        "women-digital",
        "nour",
        "المهارات الرقمية للنساء في الريف",
        "Digital skills for women in rural areas",
        "الهاتف الذكي والخدمات الإلكترونية والدفع الإلكتروني والأمان على الإنترنت، في "
        "مجموعات صغيرة قريبة من السكن مع رعاية للأطفال أثناء الجلسات.",
        "The smartphone, online services, electronic payment and staying safe online, in "
        "small groups close to home, with childcare during the sessions.",
        "الهاتف الذكي، الخدمات الإلكترونية، الدفع الإلكتروني، الأمان على الإنترنت، "
        "التواصل مع الجهات",
        BEGINNER,
        20,
        IN_PERSON,
        sectors="trade agriculture ngo",
    ),
    CourseSpec(
        "scratch-tot",
        "quneitra-digital",
        "تعليم البرمجة للأطفال بلغة Scratch (تدريب مدربين)",
        "Teaching children to code with Scratch (training of trainers)",
        "لمعلمين ومتطوعين شباب يريدون تعليم الأطفال البرمجة في المدارس والمراكز: المنهج "
        "والأنشطة وإدارة الصف، بالتعاون مع الجامعة الافتراضية السورية.",
        "For young teachers and volunteers who want to teach children to code in schools "
        "and centres: the curriculum, activities and running a class, together with the "
        "Syrian Virtual University.",
        "أساسيات Scratch، تصميم النشاط، إدارة الصف، تقييم تعلّم الأطفال، المشروع الختامي",
        BEGINNER,
        24,
        BLENDED,
        co_provider="svu",
        sectors="education ngo",
    ),
]


# --- Cohorts ------------------------------------------------------------------------------

# States a cohort reaches (``days`` is counted as each says):
DRAFT = "draft"  # being prepared; applications would open in ``days``
UPCOMING = "upcoming"  # published; applications open in ``days``
OPEN = "open"  # published; applications opened ``days`` ago and are still open
SELECTING = "selecting"  # published; applications closed ``days`` ago, places offered
RUNNING = "running"  # under way since ``days`` ago (a session or more still to come)
FINISHED = "finished"  # the last day was ``days`` ago
CANCELLED = "cancelled"  # published, then cancelled; applications would open in ``days``
CANCELLED_DRAFT = "cancelled-draft"  # cancelled while being prepared
ONLINE_PLACE = "online"


class CohortSpec(NamedTuple):
    course: str  # key of a course
    place: str  # governorate P-code, or "online"
    state: str
    days: int
    applicants: int = 0
    capacity: int = 12
    locality: str = ""  # Arabic name of a locality in the governorate
    balance: bool = False  # balance women and men
    lean: str = ""  # most applicants are of this sex ("female" or "male")
    assessment: bool = False
    prerequisites: str = ""
    eligible: str = ""  # P-codes of the governorates whose people may apply
    min_age: int = 15
    max_age: int = 29
    remote_points: int = 30
    vulnerable_points: int = 30
    attendance_share: int = 75
    # What the citizen persona does in this cohort: applied, accepted, enrolled,
    # completed.
    citizen: str = ""
    revoke: int = 0  # revoke the certificate of one graduate, with REVOKE_REASONS[n - 1]
    leaves: bool = False  # a trainee leaves half way, freeing a place


COHORTS: list[CohortSpec] = [
    # --- Finished --------------------------------------------------------------------------
    CohortSpec("web-basics", "SY01", FINISHED, 205, 12, 10, "دمشق", assessment=True, balance=True),
    CohortSpec("web-basics", ONLINE_PLACE, FINISHED, 120, 13, 11),
    CohortSpec(
        "data-python",
        "SY02",
        FINISHED,
        150,
        11,
        9,
        "حلب",
        assessment=True,
        prerequisites="معرفة أساسية بالبرمجة بأي لغة",
        min_age=18,
    ),
    CohortSpec("pc-maintenance", "SY07", FINISHED, 225, 11, 10, "إدلب", lean="male"),
    CohortSpec("pc-maintenance", "SY05", FINISHED, 96, 10, 9, "حماة"),
    CohortSpec("data-excel", "SY04", FINISHED, 160, 11, 10, "حمص", revoke=1),
    CohortSpec(
        "women-digital",
        "SY05",
        FINISHED,
        110,
        10,
        9,
        "السلمية",
        lean="female",
        remote_points=20,
        vulnerable_points=40,
        max_age=35,
    ),
    CohortSpec(
        "mobile-repair",
        "SY09",
        FINISHED,
        110,
        11,
        10,
        "الميادين",
        lean="male",
        eligible="SY09 SY11",
        attendance_share=80,
    ),
    CohortSpec(
        "freelancing", "SY09", FINISHED, 100, 12, 10, "العشارة", min_age=18, citizen="completed"
    ),
    CohortSpec("freelancing", "SY11", FINISHED, 60, 10, 9, "الرقة", min_age=18),
    CohortSpec("graphic-design", "SY06", FINISHED, 240, 10, 9, "اللاذقية"),
    CohortSpec("wordpress", "SY10", FINISHED, 180, 10, 9, "طرطوس", revoke=2),
    CohortSpec("networks", "SY10", FINISHED, 140, 12, 10, "بانياس", balance=True, lean="male"),
    CohortSpec("egov", "SY01", FINISHED, 220, 11, 10, "برزة", min_age=18, max_age=35),
    CohortSpec("egov", "SY02", FINISHED, 100, 10, 10, "حلب", min_age=18, max_age=35),
    CohortSpec("video", "SY13", FINISHED, 190, 9, 8, "شهبا"),
    CohortSpec(
        "board-repair",
        "SY08",
        FINISHED,
        170,
        9,
        8,
        "القامشلي",
        prerequisites="خبرة لا تقل عن سنة في صيانة الهواتف",
        min_age=18,
        assessment=True,
    ),
    CohortSpec("cyber-basics", ONLINE_PLACE, FINISHED, 70, 13, 11),
    CohortSpec("digital-marketing", "SY12", FINISHED, 150, 11, 10, "درعا", lean="female"),
    CohortSpec("office-skills", "SY14", FINISHED, 60, 9, 9, "القنيطرة"),
    CohortSpec("ecommerce", "SY12", FINISHED, 100, 10, 9, "إزرع"),
    CohortSpec(
        "sql",
        ONLINE_PLACE,
        FINISHED,
        210,
        11,
        10,
        prerequisites="إلمام بأساسيات الحاسوب وجداول البيانات",
        assessment=True,
    ),
    CohortSpec("arabic-content", ONLINE_PLACE, FINISHED, 45, 11, 10),
    # --- Running ---------------------------------------------------------------------------
    CohortSpec("web-backend", "SY01", RUNNING, 10, 11, 10, "المزة", assessment=True),
    CohortSpec("mobile-apps", "SY02", RUNNING, 12, 10, 9, "حلب"),
    CohortSpec(
        "helpdesk",
        "SY09",
        RUNNING,
        6,
        10,
        9,
        "محكان",
        eligible="SY09",
        remote_points=40,
        citizen="enrolled",
    ),
    CohortSpec("ccna", "SY06", RUNNING, 15, 10, 9, "جبلة", balance=True, lean="male"),
    CohortSpec("ngo-data-protection", "SY03", RUNNING, 5, 9, 9, "دوما", max_age=35),
    CohortSpec("social-media", "SY03", RUNNING, 9, 10, 9, "داريا", leaves=True),
    CohortSpec("linux-admin", "SY08", RUNNING, 14, 9, 9, "الحسكة"),
    CohortSpec("accounting", "SY12", RUNNING, 7, 9, 9, "بصرى الشام"),
    CohortSpec("ai-literacy", ONLINE_PLACE, RUNNING, 5, 12, 11, leaves=True),
    CohortSpec("scratch-tot", "SY14", RUNNING, 10, 8, 9, "خان أرنبة", min_age=18),
    # --- Published: places offered, waiting for confirmations ------------------------------
    CohortSpec("data-viz", ONLINE_PLACE, SELECTING, 2, 12, 8),
    CohortSpec("ui-ux", "SY04", SELECTING, 1, 11, 8, "حمص", balance=True, lean="female"),
    CohortSpec(
        "data-survey",
        "SY09",
        SELECTING,
        2,
        11,
        8,
        "الميادين",
        eligible="SY09 SY11",
        citizen="accepted",
    ),
    CohortSpec("project-management", "SY12", SELECTING, 1, 11, 8, "درعا"),
    CohortSpec("iot", "SY07", SELECTING, 2, 11, 8, "سراقب"),
    # --- Published: applications open ------------------------------------------------------
    CohortSpec("cyber-basics", ONLINE_PLACE, OPEN, 6, 7, 20),
    CohortSpec("web-basics", "SY06", OPEN, 3, 5, 14, "اللاذقية"),
    CohortSpec("ai-prompts", ONLINE_PLACE, OPEN, 5, 6, 25, citizen="applied"),
    CohortSpec("mobile-repair", "SY11", OPEN, 4, 5, 12, "الطبقة", eligible="SY11 SY09"),
    CohortSpec("arabic-wiki", "SY13", OPEN, 2, 4, 15, "صلخد"),
    CohortSpec("digital-marketing", "SY04", OPEN, 8, 6, 12, "تلبيسة", balance=True),
    CohortSpec(
        "frontend-react", ONLINE_PLACE, OPEN, 10, 7, 16, prerequisites="معرفة أساسيات JavaScript"
    ),
    CohortSpec("job-ready", "SY09", OPEN, 2, 4, 15, "هجين", eligible="SY09"),
    CohortSpec("egov", "SY05", OPEN, 5, 4, 14, "مصياف", min_age=18, max_age=35),
    CohortSpec(
        "ml-intro",
        "SY01",
        OPEN,
        7,
        6,
        12,
        "دمشق",
        prerequisites="إتقان Python وأساسيات الإحصاء",
        assessment=True,
        min_age=18,
    ),
    # --- Published: applications open later -----------------------------------------------
    CohortSpec("soc", "SY01", UPCOMING, 10, capacity=12, locality="دمشق", assessment=True),
    CohortSpec("pc-maintenance", "SY02", UPCOMING, 6, capacity=12, locality="السفيرة"),
    CohortSpec("arabic-content", ONLINE_PLACE, UPCOMING, 14, capacity=20),
    CohortSpec("ecommerce", "SY12", UPCOMING, 7, capacity=12, locality="نوى"),
    CohortSpec("office-skills", "SY03", UPCOMING, 12, capacity=14, locality="النبك"),
    # --- Being prepared --------------------------------------------------------------------
    CohortSpec("data-python", "SY04", DRAFT, 20, capacity=12, locality="حمص"),
    CohortSpec("graphic-design", "SY10", DRAFT, 25, capacity=12, locality="صافيتا"),
    CohortSpec("board-repair", "SY08", DRAFT, 30, capacity=10, locality="الشدادي"),
    CohortSpec("video", "SY13", DRAFT, 18, capacity=12, locality="ملح"),
    # --- Cancelled -------------------------------------------------------------------------
    CohortSpec("wordpress", "SY06", CANCELLED, 9, capacity=12, locality="جبلة"),
    CohortSpec("sql", "SY02", CANCELLED_DRAFT, 15, capacity=14, locality="حلب"),
    CohortSpec("portfolio", ONLINE_PLACE, CANCELLED, 5, capacity=20),
    CohortSpec("women-digital", "SY05", CANCELLED_DRAFT, 12, capacity=12, locality="حماة"),
]

ORDINALS_AR = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة"]

# Who lives near whom: an in-person cohort takes applicants from its governorate first,
# then from the others of its region; online cohorts from everywhere.
REGIONS = [
    {"SY01", "SY03", "SY12", "SY13", "SY14"},
    {"SY04", "SY05"},
    {"SY06", "SY10"},
    {"SY02", "SY07"},
    {"SY08", "SY09", "SY11"},
]


# --- Trainees -----------------------------------------------------------------------------


class Trainee(NamedTuple):
    """A young person with an account trainee.<n>@demo.mujtama.sy."""

    full_name: str
    sex: str  # mujtama.accounts.models.Sex
    birth_year: int
    governorate: str
    phone: str  # "" for none
    # Declared with consent (mujtama.accounts.services.declaration_save), or not at all.
    declares: bool
    remote: bool
    criteria: str  # codes of vulnerability criteria, space-separated


WOMEN = [
    "آية", "بتول", "تسنيم", "جنى", "حلا", "دعاء", "راما", "رغد", "روان", "ريما",
    "زينب", "سلمى", "سماح", "شهد", "صفاء", "عبير", "علا", "غنى", "فاطمة", "لانا",
    "لمى", "مايا", "مرح", "منى", "نور", "هبة", "هديل", "وعد", "يارا", "يسرى",
    "أسيل", "إيمان", "بيان", "ديما", "رزان", "سارة", "سوزان", "لين", "ملك", "نغم",
]  # fmt: skip
MEN = [
    "أحمد", "أيهم", "باسل", "جاد", "حسام", "حمزة", "خالد", "رامي", "زيد", "سامر",
    "سليمان", "صهيب", "طارق", "عبد الرحمن", "علي", "عمر", "غيث", "فادي", "قصي", "كريم",
    "مالك", "مجد", "محمد", "مصطفى", "معاذ", "مهند", "نزار", "هادي", "وسيم", "يامن",
    "أنس", "بشار", "ثائر", "جهاد", "حسن", "رضا", "شادي", "عدنان", "فراس", "ليث",
]  # fmt: skip
FAMILIES = [
    "الأحمد", "الأسعد", "البكور", "التركماني", "الجاسم", "الحريري", "الحسن", "الحمود",
    "الخضر", "الخليل", "الدرويش", "الديري", "الرفاعي", "الزعبي", "السالم", "السعيد",
    "السيد", "الشامي", "الشريف", "الصالح", "الطحان", "العبدالله", "العثمان", "العكيدي",
    "العمر", "العيسى", "الفارس", "القاضي", "الكردي", "اللحام", "المحمود", "المصطفى",
    "المقداد", "النعيمي", "الهلال", "اليوسف", "أبو زيد", "بركات", "حداد", "حمدان",
    "خوري", "دياب", "رزوق", "سلوم", "شحادة", "صقر", "عيسى", "قاسم", "مراد", "نصر",
]  # fmt: skip
# How many trainees live in each governorate.
TRAINEES_PER_GOVERNORATE = {
    "SY01": 13,
    "SY02": 13,
    "SY03": 10,
    "SY04": 10,
    "SY05": 9,
    "SY06": 8,
    "SY07": 9,
    "SY08": 9,
    "SY09": 14,
    "SY10": 8,
    "SY11": 9,
    "SY12": 9,
    "SY13": 6,
    "SY14": 6,
}
# Governorates where many people live in remote areas (camps, desert villages).
REMOTE_GOVERNORATES = {"SY07", "SY08", "SY09", "SY11", "SY13"}
CRITERIA_SETS = [
    "displaced_returnee",
    "low_income",
    "female_headed low_income",
    "displaced_returnee low_income",
    "disability",
    "orphan_provider",
    "elderly_provider low_income",
]


def _trainees() -> list[Trainee]:
    """Names, ages and places spread evenly, the same on every run."""
    people: list[Trainee] = []
    number = 0
    for pcode, count in TRAINEES_PER_GOVERNORATE.items():
        for _ in range(count):
            female = number % 9 not in (1, 4, 6, 8)  # a few more women than men
            first = (WOMEN if female else MEN)[(number * 7) % 40]
            family = FAMILIES[(number * 13 + 5) % len(FAMILIES)]
            declares = number % 3 == 0 or (pcode in REMOTE_GOVERNORATES and number % 3 == 1)
            remote = declares and (pcode in REMOTE_GOVERNORATES or number % 5 == 0)
            criteria = CRITERIA_SETS[number % len(CRITERIA_SETS)] if declares else ""
            if declares and remote and number % 4 == 0:
                criteria = ""  # remote only
            people.append(
                Trainee(
                    full_name=f"{first} {family}",
                    sex="female" if female else "male",
                    birth_year=1997 + (number * 5) % 14,
                    governorate=pcode,
                    phone=f"+9639{(31_004_417 + number * 7_919) % 100_000_000:08d}"
                    if number % 5 in (0, 2, 3)
                    else "",
                    declares=declares,
                    remote=remote,
                    criteria=criteria,
                )
            )
            number += 1
    return people


TRAINEES = _trainees()


# --- Follow-up answers ---------------------------------------------------------------

ANSWERED_SHARE = 0.7  # of the graduates sent a survey (the persona never answers)
# What graduates do n months after, with weights.
OUTCOMES = {
    3: {"looking": 30, "employed": 18, "self_employed": 17, "internship": 15, "studying": 20},
    6: {"looking": 22, "employed": 28, "self_employed": 22, "internship": 10, "studying": 18},
    12: {"looking": 16, "employed": 36, "self_employed": 24, "internship": 6, "studying": 18},
}
HELPED = {"yes": 55, "somewhat": 33, "no": 12}
HELPED_LOOKING = {"yes": 25, "somewhat": 45, "no": 30}


# --- What people write --------------------------------------------------------------------

MOTIVATIONS = [
    "أبحث عن عمل منذ تخرجي، وأريد مهارة مطلوبة في السوق أستطيع العمل بها من منطقتي.",
    "أعمل في محل صغير وأريد أن أطوّر عملي وأجد زبائن جدداً عبر الإنترنت.",
    "درست هذا المجال وحدي من مقاطع الفيديو وأحتاج إلى تدريب منظم وشهادة معتمدة.",
    "أتطوع في جمعية محلية وسأنقل ما أتعلمه إلى زملائي وإلى الناس الذين نخدمهم.",
    "انقطعت عن الجامعة بسبب ظروف العائلة، وأريد طريقاً آخر إلى العمل.",
    "أريد أن أعمل عن بُعد لأساعد أهلي دون أن أترك بلدتي.",
    "أنا طالب في السنة الثالثة وأحتاج إلى خبرة عملية قبل التخرج.",
    "عدت مع أسرتي إلى قريتنا وأريد أن أبدأ من جديد بمهنة أعرفها جيداً.",
    "أعمل في هذا المجال منذ سنتين وأريد أن أتقدم إلى مستوى أعلى.",
    "أحب التقنية منذ صغري ولم تتح لي فرصة تدريب حقيقي في منطقتنا.",
    "أريد أن أفتح ورشة صغيرة أو أعمل مستقلاً، وهذه الدورة هي الخطوة الأولى.",
    "أعمل مع الناس في مركز مجتمعي وكثير منهم يطلب مساعدة لا أعرف تقديمها بعد.",
    "سمعت عن الدورة من صديق أنهاها ووجد عملاً بعدها بثلاثة أشهر.",
    "أريد أن أكون قدوة لأخواتي الأصغر وأن أثبت أن الفتيات في الريف يستطعن العمل في التقنية.",
    "خسرت عملي السابق وأريد مهارة جديدة تفتح لي باباً آخر.",
    "أدرّس في مدرسة القرية وأريد أن أعلّم الأطفال ما أتعلمه.",
]

REJECT_REASONS = [
    "الدورة تشترط خبرة سابقة لم يتضح وجودها في الطلب، ونرحب بتقدمك إلى دورتنا التأسيسية.",
    "الطلب مكرر باسم آخر للشخص نفسه، وأُبقي الطلب الأول.",
    "مكان السكن المذكور بعيد جداً عن مكان التدريب الحضوري، ونقترح الدفعة التي تُعقد عن بُعد.",
]
WAITLIST_CLOSED_REASON = (
    "بدأ التدريب ولم يعد ممكناً الانضمام إليه. نرحب بتقدمك إلى الدفعة القادمة وسنبلغك "
    "عند فتح باب التقديم."
)
CANCEL_REASONS = [
    "اعتذر المدرب الرئيسي لظرف صحي ولم نجد بديلاً بالمستوى نفسه في الوقت المتاح.",
    "تعذّر تأمين القاعة والتجهيزات في الموعد المحدد؛ ستُعلن الدورة من جديد بموعد آخر.",
    "دُمجت هذه الدفعة بدفعة أخرى من الدورة نفسها لقلة عدد المتقدمين المتوقع.",
    "تأجل التمويل المخصص لهذه الدفعة إلى الربع القادم.",
]
REVOKE_REASONS = [
    "تبيّن عند تدقيق سجلات الحضور أن حضور المتدرب أُدخل خطأً في عدد من الجلسات، فلم "
    "يستوفِ النسبة المطلوبة لإتمام الدورة.",
    "صدرت الشهادة بعد خطأ في مطابقة هوية المتدرب مع طلب التقديم، وأُلغيت بطلب منه.",
]
