import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { RoutesIdempotentInput } from './common';

@InputType({
  description:
    'The next flight of a shipment’s journey. The leg follows the last one: it leaves from where that one arrived, after it arrived (scheduled times).',
})
export class AssignShipmentLegInput extends RoutesIdempotentInput {
  @Field(() => ID, {
    description: 'Air waybill number of a shipment in the customs register, e.g. "999-31415926".',
  })
  awb!: string;

  @Field({ description: 'Number of the carrying flight, e.g. "CA931".' })
  flightNumber!: string;

  @Field(() => DateScalar, { description: 'Local departure date of the carrying flight.' })
  flightDate!: string;

  @Field(() => ID, { description: 'Where the leg starts: the flight’s origin.' })
  from!: string;

  @Field(() => ID, { description: 'Where the leg ends: the flight’s destination.' })
  to!: string;
}
