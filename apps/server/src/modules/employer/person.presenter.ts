import { type KeyRoleCode, keyRoleLabel, type PersonView } from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { PersonRow } from './person.repo.js';
import { ageOn, isActive } from './person.rules.js';

/** A person as the API shows it: the ID number masked only (the full number needs the audited unmask). */
export function presentPerson(actor: Actor, row: PersonRow, today: string): PersonView {
  return {
    id: row.id,
    employerId: row.employerId,
    employerName: row.employerName,
    idMasked: row.idMasked,
    name: row.name,
    sex: row.sex === 'F' ? 'F' : 'M',
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    job: row.job,
    keyRole: row.keyRole as KeyRoleCode,
    keyRoleLabel: keyRoleLabel(row.keyRole),
    insuredFrom: row.insuredFrom,
    insuredTo: row.insuredTo,
    active: isActive(row.insuredFrom, row.insuredTo, today),
    version: row.version,
    demo: row.demo,
    can: { unmask: can(actor, 'employer.person.unmask'), update: can(actor, 'employer.update') },
  };
}
