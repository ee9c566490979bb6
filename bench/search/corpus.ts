// The words of a bakery's customer service: Nairobi and Madrid shops, orders, deliveries, cakes and refunds.
// Every list is in order of how often it is used: the generator draws rank k with probability ∝ 1/k (Zipf),
// so the first entries are everywhere and the last are rare.

/** A list written as `a | b | c`, over as many lines as it takes. */
const list = (text: string) =>
  text
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);

/** What customers write; `{slot}`s are filled per message. */
export const CUSTOMER_LINES = [
  'Hi, where is my order #{order}? It was supposed to arrive {day}',
  'Hello, I want to order a {flavour} cake for {day}',
  'Can I change the delivery address for order #{order} to {place}?',
  'The {product} arrived damaged, the box was crushed. I would like a refund please',
  'Do you deliver to {place}?',
  'Thanks {agent}, that is perfect',
  'I ordered {qty} {product} but only got half of them',
  'Is the {flavour} {product} gluten free?',
  'Can you write "Happy birthday {first}" on the cake?',
  'My payment of {amount} went through twice for order #{order}',
  'What time does the {place} shop open {day}?',
  'I need {qty} loaves of {product} for a party on {day}',
  'The driver could not find the house in {place}, can he call me?',
  'Habari, nimeagiza keki ya {flavour} kwa order #{order}. Itafika lini?',
  'Hola, quería saber si el pedido #{order} con la tarta de {flavour} llega {day}',
  'Asante sana {agent}!',
  'Gracias {agent}, muy amable',
  'The {product} was stale, not fresh at all. Very disappointed',
  'Can I pick it up at the {place} branch instead of delivery?',
  'Do you have a vegan {flavour} option?',
  'Please cancel order #{order}, I no longer need it',
  'How much is a three tier {flavour} wedding cake?',
  'Tafadhali, naomba mkate wa {product} kesho asubuhi',
  'Necesito {qty} croissants para el desayuno del {day}',
  'My refund for order #{order} has not arrived yet, it has been a week',
  'Is there nut in the {flavour} filling? My son is allergic',
  'The icing on the {flavour} cake melted in the car',
  'Can I add a card saying "Pole sana, {first}" to the flowers and cake?',
  'Ninataka kulipa kwa M-Pesa, namba ya order ni {order}',
  'Could you deliver before {time}? It is a surprise for {first}',
  'I was charged {amount} but the website said less',
  'El repartidor llegó tarde y el pastel de {flavour} estaba roto',
  'Do you bake sugar free {product}?',
  'I left my umbrella at the {place} shop yesterday',
  'Can I get an invoice for order #{order} with my company name?',
  'We want {qty} cupcakes with {flavour} frosting for a school event',
  'Is the {place} branch open on public holidays?',
  'Mandazi zenu ni tamu sana, mnauza kwa jumla?',
  'The sprinkles were the wrong colour, we asked for lilac',
  'Can the sourdough be sliced before delivery?',
];
/** What agents answer; `{agent}` signs, `{first}` is the customer's first name. */
export const AGENT_LINES = [
  'Hi {first}, thanks for reaching out! Let me check order #{order} for you',
  'Sorry about that {first}, I have issued a full refund of {amount}',
  'Your order is out for delivery and should arrive by {time}',
  'Yes, we deliver to {place} every day except Sunday',
  'I have updated the delivery address to {place}',
  'The {flavour} {product} is available, would you like me to reserve one?',
  'Our {place} shop opens at {time} on {day}',
  'I am so sorry the {product} arrived damaged. A replacement is on its way',
  'The driver will call you in a few minutes, {first}',
  'Of course! We can write any message on the cake, up to 40 letters',
  'Karibu {first}! Keki ya {flavour} itafika {day} kabla ya {time}',
  'Hola {first}, el pedido #{order} sale {day} por la mañana',
  'The duplicate charge of {amount} has been reversed, it takes 3 to 5 days',
  'Our {flavour} filling contains almonds, so I would not recommend it',
  'I have cancelled order #{order}; you will not be charged',
  'A three tier {flavour} wedding cake starts at {amount}, with a tasting first',
  'Asante {first}, tutakupigia simu dereva akifika',
  'Yes, you can collect it at the {place} branch after {time}',
  'We have a vegan {flavour} sponge, it needs two days notice',
  'The invoice for order #{order} is in your email now',
  'I have passed this to our head baker, {agent} will follow up {day}',
  'Sorry for the wait {first}, we are very busy with Christmas orders',
  'Gracias {first}, te enviamos la factura por correo',
  'Your loyalty card has {qty} stamps, one more for a free {product}',
  'Sugar free {product} is baked on Tuesdays and Fridays only',
];
/** What is ordered. */
export const PRODUCTS = list(`
  sourdough loaf | croissants | chocolate cake | cupcakes | cinnamon rolls | baguette | birthday cake |
  mandazi | chapati | banana bread | brownies | muffins | scones | wedding cake | rye bread | focaccia |
  doughnuts | pain au chocolat | cheesecake | carrot cake | meat pies | samosas | ciabatta | brioche | cookies |
  macarons | eclairs | apple pie | tres leches | churros | ensaimada | roscón de reyes | magdalenas |
  empanadas | bagels | pretzels | kaimati | mkate wa sinia | vitumbua | lemon tart | pavlova | panettone |
  stollen | kouign amann | babka | challah | pita | naan | spelt loaf | seeded rye | cardamom buns |
  kanelbullar | madeleines | financiers | canelés | palmiers | galette des rois | polvorones | torrijas |
  alfajores
`);
/** Cake and filling flavours. */
export const FLAVOURS = list(`
  chocolate | vanilla | red velvet | lemon | carrot | strawberry | black forest | coffee | coconut | banana |
  caramel | passion fruit | mango | orange | pineapple | hazelnut | pistachio | raspberry | blueberry |
  dulce de leche | tres leches | matcha | cardamom | ginger | chai | marble | rum raisin | almond |
  salted caramel | tiramisu | cookies and cream | baobab | tamarind | guava | hibiscus | lavender | rose |
  yuzu | pandan | ube | earl grey | elderflower | turrón | membrillo | horchata
`);
/** Delivery areas and branches. */
export const PLACES = list(`
  Westlands | Kilimani | Karen | Lavington | Parklands | Kileleshwa | Runda | Gigiri | South B | Langata |
  Ngong Road | Upper Hill | Muthaiga | Eastleigh | Embakasi | Kasarani | Rongai | Thika Road | Malasaña |
  Chamberí | Lavapiés | Salamanca | Retiro | Chueca | Tetuán | Arganzuela | Moncloa | Kitengela | Syokimau |
  Ruaka | Kiambu | Limuru | Ruiru | Juja | Athi River | Mombasa Road
`);
export const DAYS = list(`
  tomorrow | today | on Saturday | on Friday | on Sunday | on Monday | next week | on Thursday | on Wednesday |
  on Tuesday | kesho | mañana | this evening | leo jioni | el sábado | jumamosi
`);
export const TIMES = list(`
  noon | 10am | 9am | 5pm | 3pm | 8am | 11am | 2pm | 7pm | 6:30pm | saa nne | las diez
`);
/** Customers' first names: a few very common, many rare. */
export const FIRST_NAMES = list(`
  Grace | Mary | John | Faith | Peter | James | Mercy | David | Joseph | Esther | Daniel | Ann | Brian | Sarah |
  Kevin | Lucy | María | José | Carmen | Antonio | Wanjiru | Achieng | Otieno | Kamau | Njeri | Wambui |
  Kiprono | Chebet | Mwangi | Akinyi | Amani | Baraka | Zawadi | Imani | Neema | Juma | Halima | Fatuma | Omar |
  Aisha | Lucía | Pablo | Javier | Elena | Sofía | Diego | Isabel | Manuel | Pilar | Rocío | Alejandro | Marta |
  Sergio | Beatriz | Tomás | Emma | Olivia | Liam | Noah | Ava | Mia | Ethan | Chloe | Samuel | Ruth | Naomi |
  Caleb | Tabitha | Wairimu | Nyambura | Kerubo | Moraa | Nafula | Wekesa | Barasa | Kibet | Jeptoo | Cherono |
  Rehema | Makena | Nkatha | Gitonga | Muthoni | Nduta | Auma | Adhiambo | Ochieng | Odhiambo | Nekesa |
  Ximena | Inmaculada | Covadonga | Begoña | Iñaki | Ainhoa | Leire | Itziar | Xabier | Nerea
`);
export const LAST_NAMES = list(`
  Otieno | Mwangi | Kamau | Wanjiku | Ochieng | Njoroge | Kariuki | Mutua | Kiprotich | Wafula | Odhiambo |
  Chege | Maina | Kimani | Onyango | Njuguna | Korir | Rotich | Nyaga | Macharia | Mbugua | García | Fernández |
  González | Rodríguez | López | Martínez | Sánchez | Pérez | Gómez | Martín | Jiménez | Ruiz | Hernández |
  Díaz | Moreno | Álvarez | Romero | Navarro | Torres | Domínguez | Smith | Brown | Wilson | Taylor | Johnson |
  Patel | Shah | Khan | Ali | Hassan | Abdi | Mohamed | Wekesa | Barasa | Simiyu | Nyongesa | Kirui | Langat |
  Cheruiyot | Kosgei | Ngugi | Gitau | Muriuki | Kinyua | Waweru | Gachanja | Mureithi | Ndungu | Kibaki |
  Ouko | Awuor | Okoth | Omondi | Owino | Iglesias | Castillo | Ortega | Rubio | Molina | Delgado | Morales |
  Ortiz | Marín | Sanz | Iglesia | Etxeberria | Goikoetxea | Arrieta | Zubizarreta | Olabarrieta | Urrutia |
  Aguirre | Larrañaga
`);
/** Agents who sign the answers. */
export const AGENT_NAMES = list(`
  Wanjiku | Carlos | Amina | Laura | Kevin | Nadia | Samuel | Irene | Tobias | Zuri
`);
export const EMAIL_DOMAINS = list(`
  gmail.com | yahoo.com | outlook.com | hotmail.es | icloud.com | safaricom.co.ke
`);
