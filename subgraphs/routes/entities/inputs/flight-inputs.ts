import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { FlightTransitionInput, RoutesIdempotentInput } from './common';

@InputType({
  description:
    'A new flight on an operating (ACTIVE or RESUMED) route: the route’s airline’s flight number on one local departure date.',
})
export class ScheduleFlightInput extends RoutesIdempotentInput {
  @Field(() => ID, { description: 'Id of the route flown, e.g. "CA-PEK-FRA".' })
  routeId!: string;

  @Field({
    description: 'Flight number; its designator must be the route’s airline, e.g. "CA931".',
  })
  flightNumber!: string;

  @Field(() => DateScalar, {
    description:
      'Local departure date at the origin: the date of `scheduledDeparture` in the origin airport’s time zone.',
  })
  flightDate!: string;

  @Field(() => Date, { description: 'Scheduled departure time.' })
  scheduledDeparture!: Date;

  @Field(() => Date, { description: 'Scheduled arrival time, after the departure.' })
  scheduledArrival!: Date;
}

@InputType({ description: 'A scheduled flight has taken off.' })
export class RecordDepartureInput extends FlightTransitionInput {
  @Field(() => Date, { description: 'Actual departure (take-off) time.' })
  actualDeparture!: Date;
}

@InputType({
  description:
    'A departed flight has landed: at its destination (ARRIVED) or elsewhere (DIVERTED).',
})
export class RecordFlightArrivalInput extends FlightTransitionInput {
  @Field(() => Date, { description: 'Actual arrival (landing) time, after the actual departure.' })
  actualArrival!: Date;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the flight landed somewhere other than its route’s destination (status DIVERTED); false or absent for ARRIVED.',
  })
  diverted?: boolean | null;
}

@InputType({ description: 'A scheduled flight will not operate.' })
export class CancelFlightInput extends FlightTransitionInput {
  @Field(() => String, { nullable: true, description: 'Why, recorded in the flight’s history.' })
  reason?: string | null;
}
