"""Sample practices of a fictional municipality, in Spanish with their English next to them."""

from home.translation import Glossary

t = Glossary()
t("%", "%")

INDEX = {
    "title": t("Buenas prácticas", "Good practices"),
    "slug": t("buenas-practicas", "good-practices"),
    "intro": t(
        "Lo que la ciudad ha aprendido y puede compartir: cada práctica con sus resultados medidos, "
        "lo que costó y lo que otra ciudad necesita para replicarla.",
        "What the city has learned and can share: each practice with its measured results, what it "
        "cost and what another city needs to replicate it.",
    ),
}

THEMES = [
    ("movilidad", t("movilidad", "mobility"), t("Movilidad", "Mobility")),
    (
        "participacion",
        t("participacion", "participation"),
        t("Participación ciudadana", "Citizen participation"),
    ),
    ("medio-ambiente", t("medio-ambiente", "environment"), t("Medio ambiente", "Environment")),
    ("riesgos", t("riesgos", "disaster-risk"), t("Gestión de riesgos", "Disaster risk")),
    (
        "economia",
        t("economia", "local-economy"),
        t("Desarrollo económico local", "Local economic development"),
    ),
    ("inclusion", t("inclusion", "social-inclusion"), t("Inclusión social", "Social inclusion")),
    ("agua-energia", t("agua-energia", "water-energy"), t("Agua y energía", "Water and energy")),
]

ORGANIZATIONS = [
    {
        "name": t("Universidad Técnica del Litoral", "Coastal Technical University"),
        "acronym": "UTL",
        "kind": "university",
        "country": "CL",
        "website": "https://utl.example.edu",
    },
    {
        "name": t(
            "Cámara de Comercio de Puente Alto del Mar", "Puente Alto del Mar Chamber of Commerce"
        ),
        "acronym": "CCPAM",
        "kind": "chamber",
        "country": "CL",
        "website": "",
    },
    {
        "name": t("Red de Ciudades Costeras del Pacífico", "Pacific Coastal Cities Network"),
        "acronym": "RCCP",
        "kind": "network",
        "country": "PE",
        "website": "https://ciudadescosteras.example.org",
    },
    {
        "name": t("Fundación Barrio Vivo", "Barrio Vivo Foundation"),
        "acronym": "",
        "kind": "civil_society",
        "country": "CL",
        "website": "",
    },
    {
        "name": t("Municipio de San Martín del Lago", "Municipality of San Martín del Lago"),
        "acronym": "",
        "kind": "city",
        "country": "AR",
        "website": "",
    },
]
ORG = {i: org["name"] for i, org in enumerate(ORGANIZATIONS)}


def p(text_es, text_en):
    return "<p>" + t(text_es, text_en) + "</p>"


def body(context, objectives, actions, lessons):
    return [
        ("context", {"content": [("paragraph", context)]}),
        ("objectives", {"content": [("paragraph", objectives)]}),
        ("actions", {"content": [("paragraph", actions)]}),
        ("lessons", {"content": [("paragraph", lessons)]}),
    ]


def indicator(name, baseline, target, current, unit, measured_on, source):
    return {
        "name": name,
        "baseline": baseline,
        "target": target,
        "current_value": current,
        "unit": unit,
        "measured_on": measured_on,
        "source": source,
    }


CONTACT_ROLE = t("Coordinadora de cooperación técnica", "Technical cooperation coordinator")
CONTACT_ROLE_M = t("Coordinador de cooperación técnica", "Technical cooperation coordinator")

PRACTICES = [
    {
        "slug": t("buses-nocturnos-de-barrio", "neighbourhood-night-buses"),
        "title": t("Buses nocturnos de barrio", "Neighbourhood night buses"),
        "summary": t(
            "Tres recorridos de bus nocturno diseñados con las juntas de vecinos conectan los barrios "
            "altos con el centro y el hospital entre las 22:00 y las 6:00. El tiempo de viaje nocturno "
            "bajó a la mitad.",
            "Three night bus routes designed with the neighbourhood councils link the hillside "
            "districts with the centre and the hospital between 10 pm and 6 am. Night-time travel time "
            "fell by half.",
        ),
        "alt": t(
            "Un bus iluminado detenido en un paradero de barrio por la noche.",
            "A lit bus waiting at a neighbourhood stop at night.",
        ),
        "colour": "#1d3b6e",
        "themes": ["movilidad", "inclusion"],
        "sdgs": [11, 10, 5],
        "unit": t("Dirección de Tránsito y Transporte", "Traffic and Transport Department"),
        "status": "operating",
        "start_year": 2021,
        "body": body(
            p(
                "Después de las 21:00 no había transporte público desde los barrios altos; quienes "
                "trabajan de noche, en su mayoría mujeres, caminaban más de una hora.",
                "After 9 pm there was no public transport from the hillside districts; night "
                "workers, most of them women, walked for more than an hour.",
            ),
            p(
                "Reducir a 45 minutos el viaje nocturno al centro y hacerlo seguro.",
                "Cut the night journey to the centre to 45 minutes and make it safe.",
            ),
            p(
                "Se trazaron tres recorridos en talleres con las juntas de vecinos, se licitó la "
                "operación por cuatro años y se iluminaron 60 paraderos.",
                "Three routes were drawn in workshops with the neighbourhood councils, operation was "
                "tendered for four years and 60 stops were lit.",
            ),
            p(
                "Diseñar con los usuarios nocturnos y con los conductores evitó rutas que nadie usaría.",
                "Designing with night-time riders and with the drivers avoided routes nobody would use.",
            ),
        ),
        "indicators": [
            indicator(
                t(
                    "Tiempo medio de viaje nocturno al centro",
                    "Average night journey to the centre",
                ),
                "90",
                "45",
                "48",
                t("minutos", "minutes"),
                "2025-06-30",
                t("Encuesta origen-destino municipal", "Municipal origin-destination survey"),
            ),
            indicator(
                t("Pasajeros por noche", "Passengers per night"),
                "0",
                "1500",
                "1320",
                t("pasajeros", "passengers"),
                "2025-06-30",
                t("Validaciones de tarjeta del operador", "Operator's card validations"),
            ),
        ],
        "budget": "480000000",
        "team": 6,
        "months": 14,
        "partners": [0, 3],
        "conditions": p(
            "Un operador de buses dispuesto a un contrato nocturno y juntas de vecinos activas.",
            "A bus operator willing to run a night contract and active neighbourhood councils.",
        ),
        "costs": p(
            "El subsidio por kilómetro nocturno es el 80% del costo; la iluminación de paraderos, el resto.",
            "The per-kilometre night subsidy is 80% of the cost; lighting the stops is the rest.",
        ),
        "pitfalls": p(
            "Sin iluminación y vigilancia en los paraderos, el uso cae en invierno.",
            "Without lit and watched stops, ridership drops in winter.",
        ),
        "adapt": p(
            "Los horarios de turno de los hospitales y fábricas locales definen las frecuencias.",
            "Local hospital and factory shift times set the frequencies.",
        ),
        "contact": ("Camila Fuentes", CONTACT_ROLE),
    },
    {
        "slug": t("presupuesto-participativo-digital", "digital-participatory-budgeting"),
        "title": t("Presupuesto participativo digital", "Digital participatory budgeting"),
        "summary": t(
            "Cada año los vecinos deciden en línea y en puntos presenciales cómo invertir el 5% del "
            "presupuesto de inversión. La participación se triplicó y se amplió a jóvenes desde los 14 años.",
            "Every year residents decide online and at in-person points how to invest 5% of the "
            "capital budget. Turnout tripled and now includes young people from age 14.",
        ),
        "alt": t(
            "Vecinos votando en tabletas en una sede vecinal.",
            "Residents voting on tablets in a community hall.",
        ),
        "colour": "#5b2a86",
        "themes": ["participacion"],
        "sdgs": [16, 11],
        "unit": t("Secretaría Comunal de Planificación", "Municipal Planning Office"),
        "status": "scaled",
        "start_year": 2019,
        "body": body(
            p(
                "El presupuesto participativo presencial reunía a menos del 2% de los votantes y casi "
                "siempre a los mismos.",
                "In-person participatory budgeting drew under 2% of voters, nearly always the same people.",
            ),
            p(
                "Llegar al 10% de participación y a grupos que no asistían a asambleas.",
                "Reach 10% turnout and groups that never came to assemblies.",
            ),
            p(
                "Una plataforma de código abierto, 40 puntos de votación asistida y un comité vecinal "
                "que revisa la factibilidad técnica de cada propuesta.",
                "An open-source platform, 40 assisted voting points and a residents' committee that "
                "checks each proposal's technical feasibility.",
            ),
            p(
                "Publicar el avance de las obras ganadoras es lo que hace volver a votar.",
                "Publishing the progress of the winning projects is what brings people back to vote.",
            ),
        ),
        "indicators": [
            indicator(
                t("Participación sobre el padrón", "Turnout over the electoral roll"),
                "1.8",
                "10",
                "6.1",
                "%",
                "2025-04-30",
                t("Registro de votación de la plataforma", "Platform voting log"),
            ),
            indicator(
                t("Proyectos ganadores ejecutados", "Winning projects delivered"),
                "0",
                "100",
                "87",
                "%",
                "2025-03-31",
                t("Informe anual de inversión", "Annual capital spending report"),
            ),
        ],
        "budget": "95000000",
        "team": 4,
        "months": 9,
        "partners": [0],
        "conditions": p(
            "Un porcentaje del presupuesto comprometido por ordenanza, no por voluntad anual.",
            "A share of the budget committed by by-law, not by yearly goodwill.",
        ),
        "costs": p(
            "La plataforma es gratuita; el gasto está en los puntos asistidos y la difusión.",
            "The platform is free; the spending goes on assisted points and outreach.",
        ),
        "pitfalls": p(
            "Propuestas inviables que llegan a votación frustran a los vecinos.",
            "Unfeasible proposals reaching the ballot frustrate residents.",
        ),
        "adapt": p(
            "La verificación de identidad depende del registro civil de cada país.",
            "Identity checks depend on each country's civil registry.",
        ),
        "contact": ("Tomás Araya", CONTACT_ROLE_M),
    },
    {
        "slug": t("compostaje-domiciliario", "household-composting"),
        "title": t("Compostaje domiciliario", "Household composting"),
        "summary": t(
            "Doce mil hogares recibieron una compostera y capacitación. Los residuos orgánicos que "
            "llegan al relleno sanitario bajaron un 22%, con ahorro directo en la tarifa de disposición.",
            "Twelve thousand households received a composter and training. Organic waste sent to "
            "landfill fell by 22%, directly cutting disposal fees.",
        ),
        "alt": t(
            "Una compostera verde en el patio de una casa, junto a un huerto.",
            "A green composter in a back yard next to a vegetable patch.",
        ),
        "colour": "#2e6b30",
        "themes": ["medio-ambiente"],
        "sdgs": [12, 13, 11],
        "unit": t("Dirección de Medio Ambiente", "Environment Department"),
        "status": "scaled",
        "start_year": 2018,
        "body": body(
            p(
                "La mitad de la basura domiciliaria es orgánica y la ciudad paga por tonelada enterrada.",
                "Half of household waste is organic and the city pays for every tonne buried.",
            ),
            p(
                "Desviar del relleno un cuarto de los residuos orgánicos en cinco años.",
                "Divert a quarter of organic waste from landfill within five years.",
            ),
            p(
                "Entrega de composteras con un taller obligatorio y visitas de seguimiento de monitores "
                "vecinales.",
                "Composters handed out with a compulsory workshop and follow-up visits by "
                "neighbourhood monitors.",
            ),
            p(
                "La visita a los tres meses decide si la compostera se usa o se abandona.",
                "The visit at three months decides whether a composter is used or abandoned.",
            ),
        ),
        "indicators": [
            indicator(
                t("Residuos orgánicos al relleno", "Organic waste to landfill"),
                "41000",
                "30750",
                "31980",
                t("toneladas al año", "tonnes a year"),
                "2024-12-31",
                t("Pesaje en el relleno sanitario", "Landfill weighbridge records"),
            ),
            indicator(
                t("Hogares que compostan", "Households composting"),
                "0",
                "15000",
                "12100",
                t("hogares", "households"),
                "2024-12-31",
                t("Visitas de monitores", "Monitors' visits"),
            ),
        ],
        "budget": "310000000",
        "team": 9,
        "months": 24,
        "partners": [3],
        "conditions": p(
            "Viviendas con patio o balcón y una tarifa de disposición que haga visible el ahorro.",
            "Homes with a yard or balcony and a disposal fee that makes the saving visible.",
        ),
        "costs": p(
            "Composteras (60%), monitores (30%) y difusión (10%).",
            "Composters (60%), monitors (30%) and outreach (10%).",
        ),
        "pitfalls": p(
            "Entregar composteras sin capacitación: una de cada tres termina como basurero.",
            "Handing out composters without training: one in three ends up as a bin.",
        ),
        "adapt": p(
            "El clima local cambia los tiempos de compostaje y el tipo de compostera.",
            "Local climate changes composting times and the type of composter.",
        ),
        "contact": ("Valentina Soto", CONTACT_ROLE),
    },
    {
        "slug": t("simulacros-comunitarios-de-tsunami", "community-tsunami-drills"),
        "title": t("Simulacros comunitarios de tsunami", "Community tsunami drills"),
        "summary": t(
            "Cada barrio costero tiene un plan de evacuación hecho por sus vecinos y dos simulacros al "
            "año. El tiempo de evacuación a zona segura bajó de 24 a 11 minutos.",
            "Every coastal neighbourhood has an evacuation plan made by its residents and two drills a "
            "year. Time to reach safe ground fell from 24 to 11 minutes.",
        ),
        "alt": t(
            "Vecinos subiendo una calle señalizada como vía de evacuación.",
            "Residents walking up a street signposted as an evacuation route.",
        ),
        "colour": "#8a3b12",
        "themes": ["riesgos", "participacion"],
        "sdgs": [11, 13],
        "unit": t("Oficina de Gestión de Riesgos", "Disaster Risk Office"),
        "status": "operating",
        "start_year": 2020,
        "body": body(
            p(
                "Un tercio de la población vive en zona de inundación por tsunami y la señalética no "
                "bastaba.",
                "A third of the population lives in the tsunami flood zone and signs were not enough.",
            ),
            p(
                "Que todos los residentes de la zona lleguen a zona segura en menos de 15 minutos.",
                "Get every resident of the zone to safe ground in under 15 minutes.",
            ),
            p(
                "Mapas de evacuación dibujados con cada junta de vecinos, monitores por manzana y "
                "simulacros con medición de tiempos.",
                "Evacuation maps drawn with each neighbourhood council, block wardens and timed drills.",
            ),
            p(
                "Medir y publicar los tiempos de cada barrio crea una competencia sana.",
                "Timing each neighbourhood and publishing the results creates healthy competition.",
            ),
        ),
        "indicators": [
            indicator(
                t("Tiempo de evacuación a zona segura", "Time to reach safe ground"),
                "24",
                "15",
                "11",
                t("minutos", "minutes"),
                "2025-05-20",
                t("Cronometraje del simulacro", "Drill timing"),
            ),
        ],
        "budget": "62000000",
        "team": 3,
        "months": 8,
        "partners": [2],
        "conditions": p(
            "Un sistema nacional de alerta que llegue a los teléfonos y juntas de vecinos organizadas.",
            "A national alert system that reaches phones and organised neighbourhood councils.",
        ),
        "costs": p(
            "Señalética, megáfonos y horas de monitores; el resto es trabajo voluntario.",
            "Signs, megaphones and wardens' hours; the rest is volunteer work.",
        ),
        "pitfalls": p(
            "Simulacros en horario laboral dejan fuera a quienes están en casa de noche.",
            "Drills held in working hours leave out those at home at night.",
        ),
        "adapt": p(
            "La altura de la zona segura depende de la modelación local de inundación.",
            "The height of safe ground depends on local flood modelling.",
        ),
        "contact": ("Ignacio Pérez", CONTACT_ROLE_M),
    },
    {
        "slug": t("pagos-digitales-en-ferias-libres", "digital-payments-at-street-markets"),
        "title": t("Pagos digitales en ferias libres", "Digital payments at street markets"),
        "summary": t(
            "Piloto que equipa a los feriantes con lectores de tarjeta y capacitación financiera. Las "
            "ventas de los puestos participantes subieron un 18% en el primer año.",
            "A pilot that equips street-market stallholders with card readers and financial training. "
            "Participating stalls' sales rose 18% in the first year.",
        ),
        "alt": t(
            "Una feriante cobra con un lector de tarjetas en su puesto de frutas.",
            "A stallholder takes a card payment at her fruit stall.",
        ),
        "colour": "#7a5a00",
        "themes": ["economia"],
        "sdgs": [8, 10],
        "unit": t("Dirección de Desarrollo Económico", "Economic Development Department"),
        "status": "pilot",
        "start_year": 2024,
        "body": body(
            p(
                "Los clientes llevan cada vez menos efectivo y las ferias perdían ventas frente a los "
                "supermercados.",
                "Shoppers carry less and less cash and street markets were losing sales to supermarkets.",
            ),
            p(
                "Que la mitad de los puestos acepte pagos con tarjeta y formalizar a sus dueños.",
                "Have half of the stalls accept card payments and formalise their owners.",
            ),
            p(
                "Convenio con la cámara de comercio para lectores sin costo fijo y talleres sobre "
                "facturación.",
                "An agreement with the chamber of commerce for readers with no fixed fee, and invoicing "
                "workshops.",
            ),
            p(
                "La capacitación en el propio puesto funcionó mejor que los talleres en sala.",
                "Training at the stall worked better than classroom workshops.",
            ),
        ),
        "indicators": [
            indicator(
                t("Puestos que aceptan tarjeta", "Stalls accepting cards"),
                "8",
                "50",
                "31",
                "%",
                "2025-08-31",
                t("Catastro municipal de ferias", "Municipal street-market census"),
            ),
            indicator(
                t("Ventas de los puestos participantes", "Participating stalls' sales"),
                "100",
                "115",
                "118",
                t("índice (base 100)", "index (base 100)"),
                "2025-08-31",
                t("Encuesta a feriantes", "Stallholder survey"),
            ),
        ],
        "budget": "38000000",
        "team": 2,
        "months": 12,
        "partners": [1],
        "conditions": p(
            "Cobertura móvil en las ferias y un proveedor de pagos con comisiones bajas.",
            "Mobile coverage at the markets and a payment provider with low fees.",
        ),
        "costs": p(
            "Capacitación y los primeros seis meses de comisiones subsidiadas.",
            "Training and the first six months of subsidised fees.",
        ),
        "pitfalls": p(
            "El miedo a la fiscalización tributaria frena la adopción si no se explica bien.",
            "Fear of tax inspection holds adoption back unless it is explained well.",
        ),
        "adapt": p(
            "Las reglas tributarias para pequeños comerciantes cambian de un país a otro.",
            "Tax rules for small traders differ from country to country.",
        ),
        "contact": ("Josefina Morales", CONTACT_ROLE),
    },
    {
        "slug": t("escuelas-abiertas", "open-schools"),
        "title": t("Escuelas abiertas", "Open schools"),
        "summary": t(
            "Los sábados, ocho escuelas municipales abren sus patios, gimnasios y bibliotecas al barrio "
            "con talleres gratuitos. Cuatro mil personas participan cada mes.",
            "On Saturdays eight municipal schools open their yards, gyms and libraries to the "
            "neighbourhood with free workshops. Four thousand people take part every month.",
        ),
        "alt": t(
            "Niños y adultos jugando básquetbol en el gimnasio de una escuela.",
            "Children and adults playing basketball in a school gym.",
        ),
        "colour": "#0b5f6b",
        "themes": ["inclusion"],
        "sdgs": [4, 10, 3],
        "unit": t("Departamento de Educación Municipal", "Municipal Education Department"),
        "status": "operating",
        "start_year": 2022,
        "body": body(
            p(
                "Los barrios densos no tienen espacios públicos techados y las escuelas quedaban vacías "
                "el fin de semana.",
                "Dense neighbourhoods lack covered public space and schools stood empty at weekends.",
            ),
            p(
                "Ofrecer un lugar seguro y gratuito de encuentro a menos de diez cuadras de cada hogar.",
                "Offer a safe, free meeting place within ten blocks of every home.",
            ),
            p(
                "Convenios con los consejos escolares, un encargado por escuela y talleres elegidos por "
                "votación vecinal.",
                "Agreements with school councils, one coordinator per school and workshops chosen by "
                "residents' vote.",
            ),
            p(
                "El cuidado de la infraestructura mejoró cuando los apoderados fueron parte de la gestión.",
                "Care of the buildings improved once parents took part in running the programme.",
            ),
        ),
        "indicators": [
            indicator(
                t("Asistentes mensuales", "Monthly attendees"),
                "0",
                "5000",
                "4100",
                t("personas", "people"),
                "2025-07-31",
                t("Registro de asistencia", "Attendance records"),
            ),
        ],
        "budget": "120000000",
        "team": 10,
        "months": 6,
        "partners": [3],
        "conditions": p(
            "Escuelas de administración municipal y consejos escolares dispuestos a compartir el espacio.",
            "Municipally run schools and school councils willing to share their space.",
        ),
        "costs": p(
            "Encargados de fin de semana, seguros y aseo del lunes.",
            "Weekend coordinators, insurance and Monday cleaning.",
        ),
        "pitfalls": p(
            "Sin un seguro claro, los directores se niegan a abrir.",
            "Without clear insurance, head teachers refuse to open.",
        ),
        "adapt": p(
            "La normativa sobre uso de edificios escolares varía entre países.",
            "Rules on the use of school buildings vary between countries.",
        ),
        "contact": ("Felipe Castro", CONTACT_ROLE_M),
    },
    {
        "slug": t("reuso-de-aguas-grises-en-parques", "greywater-reuse-in-parks"),
        "title": t("Reúso de aguas grises en parques", "Greywater reuse in parks"),
        "summary": t(
            "Dos parques se riegan con aguas grises tratadas de un conjunto de viviendas sociales "
            "vecino. El consumo de agua potable para riego bajó un 64% en los parques del piloto.",
            "Two parks are watered with treated greywater from a neighbouring social-housing estate. "
            "Drinking water used for irrigation fell by 64% in the pilot parks.",
        ),
        "alt": t(
            "Un parque con césped verde y un estanque de tratamiento al fondo.",
            "A park with green lawns and a treatment tank in the background.",
        ),
        "colour": "#1f5f8b",
        "themes": ["agua-energia", "medio-ambiente"],
        "sdgs": [6, 15, 11],
        "unit": t("Dirección de Medio Ambiente", "Environment Department"),
        "status": "pilot",
        "start_year": 2023,
        "body": body(
            p(
                "Trece años de sequía y el riego de parques era el mayor consumo de agua municipal.",
                "Thirteen years of drought, and watering parks was the city's largest water use.",
            ),
            p(
                "Regar las áreas verdes sin agua potable y sin perderlas.",
                "Water green areas without drinking water, and without losing them.",
            ),
            p(
                "Una planta de tratamiento compacta y riego por goteo, con monitoreo mensual de calidad.",
                "A compact treatment plant and drip irrigation, with monthly quality monitoring.",
            ),
            p(
                "La autorización sanitaria tomó más tiempo que la obra: hay que empezar por ahí.",
                "The health permit took longer than the works: start there.",
            ),
        ),
        "indicators": [
            indicator(
                t("Agua potable para riego", "Drinking water for irrigation"),
                "52000",
                "10000",
                "18700",
                t("m³ al año", "m³ a year"),
                "2025-03-31",
                t("Medidores de la empresa sanitaria", "Water company meters"),
            ),
        ],
        "budget": "210000000",
        "team": 3,
        "months": 18,
        "partners": [0],
        "conditions": p(
            "Viviendas cercanas a los parques y una norma que permita el reúso.",
            "Housing close to the parks and a regulation that allows reuse.",
        ),
        "costs": p(
            "La planta de tratamiento (70%) y el cambio a riego por goteo (30%).",
            "The treatment plant (70%) and the switch to drip irrigation (30%).",
        ),
        "pitfalls": p(
            "Sin mantención semanal la planta se satura en pocos meses.",
            "Without weekly maintenance the plant clogs within months.",
        ),
        "adapt": p(
            "Los límites de calidad para riego dependen de la norma de cada país.",
            "Irrigation quality limits depend on each country's standards.",
        ),
        "contact": ("Camila Fuentes", CONTACT_ROLE),
    },
    {
        "slug": t("ventanilla-unica-para-migrantes", "one-stop-desk-for-migrants"),
        "title": t("Ventanilla única para migrantes", "One-stop desk for migrants"),
        "summary": t(
            "Una oficina reúne en un lugar los trámites de salud, educación, trabajo y regularización "
            "para personas migrantes, con atención en español, creole y portugués.",
            "One office brings together health, school, work and residence procedures for migrants, "
            "with service in Spanish, Haitian Creole and Portuguese.",
        ),
        "alt": t(
            "Una funcionaria atiende a una familia en un mesón con carteles en tres idiomas.",
            "An officer helps a family at a counter with signs in three languages.",
        ),
        "colour": "#6b1d3b",
        "themes": ["inclusion"],
        "sdgs": [10, 16, 8],
        "unit": t("Oficina de Migrantes", "Migrants' Office"),
        "status": "operating",
        "start_year": 2021,
        "body": body(
            p(
                "Las familias migrantes recorrían seis servicios distintos para matricular a sus hijos y "
                "acceder a salud.",
                "Migrant families went to six different offices to enrol their children and get "
                "health care.",
            ),
            p(
                "Resolver en una visita los trámites municipales y orientar los nacionales.",
                "Handle municipal procedures in one visit and guide people through national ones.",
            ),
            p(
                "Funcionarios de cada servicio atienden en turnos en un mismo lugar, con facilitadores "
                "lingüísticos.",
                "Staff from each service work shifts in one place, with language facilitators.",
            ),
            p(
                "Contratar facilitadores de la propia comunidad generó confianza rápidamente.",
                "Hiring facilitators from the community itself built trust quickly.",
            ),
        ),
        "indicators": [
            indicator(
                t("Visitas necesarias por trámite", "Visits needed per procedure"),
                "6",
                "1",
                "2",
                t("visitas", "visits"),
                "2025-05-31",
                t("Encuesta de salida", "Exit survey"),
            ),
            indicator(
                t("Niños migrantes matriculados", "Migrant children enrolled in school"),
                "71",
                "95",
                "93",
                "%",
                "2025-03-31",
                t("Registro de matrícula", "Enrolment register"),
            ),
        ],
        "budget": "150000000",
        "team": 7,
        "months": 10,
        "partners": [3, 4],
        "conditions": p(
            "Acuerdos con los servicios nacionales para destinar funcionarios a la ventanilla.",
            "Agreements with national services to second staff to the desk.",
        ),
        "costs": p(
            "Facilitadores lingüísticos y el arriendo del local.",
            "Language facilitators and the premises' rent.",
        ),
        "pitfalls": p(
            "Prometer trámites que dependen del nivel nacional genera frustración.",
            "Promising procedures that depend on national government breeds frustration.",
        ),
        "adapt": p(
            "Los idiomas y trámites responden a las comunidades migrantes de cada ciudad.",
            "Languages and procedures follow each city's migrant communities.",
        ),
        "contact": ("Tomás Araya", CONTACT_ROLE_M),
    },
    {
        "slug": t("techos-solares-municipales", "solar-roofs-on-municipal-buildings"),
        "title": t("Techos solares municipales", "Solar roofs on municipal buildings"),
        "summary": t(
            "Veinticuatro edificios municipales instalaron paneles solares financiados con el ahorro "
            "en electricidad. El proyecto terminó en 2020 y cubre el 38% del consumo municipal.",
            "Twenty-four municipal buildings installed solar panels paid for by the electricity "
            "savings. The project ended in 2020 and covers 38% of municipal consumption.",
        ),
        "alt": t(
            "Paneles solares sobre el techo de un consultorio municipal.",
            "Solar panels on the roof of a municipal health centre.",
        ),
        "colour": "#9a6a00",
        "themes": ["agua-energia", "medio-ambiente"],
        "sdgs": [7, 13],
        "unit": t("Dirección de Obras Municipales", "Municipal Works Department"),
        "status": "concluded",
        "start_year": 2017,
        "body": body(
            p(
                "La cuenta de electricidad municipal crecía un 9% al año.",
                "The city's electricity bill was growing 9% a year.",
            ),
            p(
                "Generar un tercio de la electricidad municipal sin endeudamiento.",
                "Generate a third of municipal electricity without borrowing.",
            ),
            p(
                "Un contrato de servicios energéticos: la empresa instala y cobra con parte del ahorro "
                "durante diez años.",
                "An energy-services contract: the company installs and is paid from part of the savings "
                "for ten years.",
            ),
            p(
                "Revisar la estructura de los techos antes de licitar evitó sobrecostos.",
                "Surveying the roofs' structure before tendering avoided cost overruns.",
            ),
        ),
        "indicators": [
            indicator(
                t(
                    "Consumo municipal cubierto con energía solar",
                    "Municipal consumption met by solar power",
                ),
                "0",
                "33",
                "38",
                "%",
                "2024-12-31",
                t("Facturas eléctricas y medidores", "Electricity bills and meters"),
            ),
            indicator(
                t("Emisiones evitadas", "Emissions avoided"),
                "0",
                "900",
                "1040",
                t("t CO₂e al año", "t CO₂e a year"),
                "2024-12-31",
                t("Cálculo con factor de red nacional", "Calculated with the national grid factor"),
            ),
        ],
        "budget": "0",
        "team": 2,
        "months": 30,
        "partners": [0, 2],
        "conditions": p(
            "Una ley que permita contratos de servicios energéticos a más de un periodo de gobierno.",
            "A law that allows energy-services contracts longer than one term of office.",
        ),
        "costs": p(
            "Sin costo inicial para el municipio; el pago sale del ahorro.",
            "No upfront cost for the city; payment comes out of the savings.",
        ),
        "pitfalls": p(
            "Techos en mal estado obligan a reparar antes de instalar.",
            "Roofs in poor condition must be repaired before installation.",
        ),
        "adapt": p(
            "La radiación solar local cambia el plazo de recuperación.",
            "Local solar radiation changes the payback period.",
        ),
        "contact": ("Ignacio Pérez", CONTACT_ROLE_M),
    },
    {
        "slug": t(
            "red-de-cuidado-de-personas-mayores", "neighbourhood-care-network-for-older-people"
        ),
        "title": t(
            "Red de cuidado de personas mayores", "Neighbourhood care network for older people"
        ),
        "summary": t(
            "Vecinas y vecinos capacitados visitan cada semana a personas mayores que viven solas y "
            "alertan al consultorio ante cualquier cambio. Las hospitalizaciones evitables bajaron un 30%.",
            "Trained neighbours visit older people who live alone every week and alert the health "
            "centre to any change. Avoidable hospital admissions fell by 30%.",
        ),
        "alt": t(
            "Una voluntaria conversa con una mujer mayor en la puerta de su casa.",
            "A volunteer talks with an older woman at her front door.",
        ),
        "colour": "#4a2a6b",
        "themes": ["inclusion", "participacion"],
        "sdgs": [3, 5, 10],
        "unit": t("Dirección de Salud", "Health Department"),
        "status": "scaled",
        "start_year": 2020,
        "body": body(
            p(
                "Uno de cada cinco mayores vive solo y muchos llegaban a urgencias demasiado tarde.",
                "One in five older people lives alone and many reached the emergency room too late.",
            ),
            p(
                "Que cada persona mayor que vive sola tenga un contacto semanal.",
                "Give every older person living alone a weekly contact.",
            ),
            p(
                "Capacitación de 300 cuidadoras vecinales, una ficha simple y una línea directa con el "
                "consultorio.",
                "Training for 300 neighbourhood carers, a simple record sheet and a direct line to the "
                "health centre.",
            ),
            p(
                "Reconocer el trabajo de las cuidadoras, casi todas mujeres, sostiene la red.",
                "Recognising the carers' work, nearly all of them women, keeps the network going.",
            ),
        ),
        "indicators": [
            indicator(
                t("Hospitalizaciones evitables", "Avoidable hospital admissions"),
                "420",
                "280",
                "294",
                t("al año", "a year"),
                "2024-12-31",
                t("Registro del servicio de salud", "Health service records"),
            ),
            indicator(
                t(
                    "Mayores que viven solos con visita semanal",
                    "Older people living alone with a weekly visit",
                ),
                "0",
                "100",
                "100",
                "%",
                "2024-12-31",
                t("Fichas de la red", "Network record sheets"),
            ),
        ],
        "budget": "85000000",
        "team": 5,
        "months": 12,
        "partners": [3],
        "conditions": p(
            "Atención primaria municipal y organizaciones vecinales con tradición de ayuda mutua.",
            "Municipal primary care and neighbourhood groups with a tradition of mutual help.",
        ),
        "costs": p(
            "Capacitación, un aporte mensual a las cuidadoras y teléfonos.",
            "Training, a monthly allowance for carers and phones.",
        ),
        "pitfalls": p(
            "Depender solo del voluntariado sin aporte agota a las cuidadoras.",
            "Relying on unpaid volunteering alone wears the carers out.",
        ),
        "adapt": p(
            "La coordinación con el sistema de salud depende de quién administra la atención primaria.",
            "Coordination with the health system depends on who runs primary care.",
        ),
        "contact": ("Valentina Soto", CONTACT_ROLE),
    },
]
