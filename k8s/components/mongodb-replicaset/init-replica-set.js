// Run by the mongodb-init Job with mongosh against mongodb-0 as the root user.
// Every step is idempotent so that a re-run (backoff, upgrade) changes nothing.
const members = [0, 1, 2].map(i => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }));

function initiated() {
  try { return rs.status().ok === 1; } catch (e) { return false; }
}

if (!initiated()) {
  rs.initiate({ _id: "rs0", members });
}

for (let i = 0; i < 120 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  throw new Error("mongodb-0 did not become primary within two minutes");
}

const services = {
  programmes: process.env.PROGRAMMES_PASSWORD,
  partners: process.env.PARTNERS_PASSWORD,
  trainings: process.env.TRAININGS_PASSWORD,
};

for (const [service, password] of Object.entries(services)) {
  const database = db.getSiblingDB(`capacityhub_${service}`);
  const roles = [{ role: "readWrite", db: `capacityhub_${service}` }];
  if (database.getUser(service) === null) {
    database.createUser({ user: service, pwd: password, roles, mechanisms: ["SCRAM-SHA-256"] });
  } else {
    database.updateUser(service, { pwd: password, roles, mechanisms: ["SCRAM-SHA-256"] });
  }
}
print("replica set rs0 ready; service users up to date");
