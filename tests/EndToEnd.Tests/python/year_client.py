"""Reads the end-to-end programme year through Python grpcio and the generated stubs of CapacityHub's protos.

Called by FullYearScenarioTests with the stub folder on PYTHONPATH and addresses and caller tokens in the
environment; prints one line per fact for the test to check.
"""
import os

import grpc
from google.protobuf import json_format  # noqa: F401  (fails early if protobuf is missing)

from capacityhub.partners.v1 import partner_service_pb2 as partners_pb2
from capacityhub.partners.v1 import partner_service_pb2_grpc as partners_grpc
from capacityhub.partners.v1 import organisation_pb2
from capacityhub.programmes.v1 import programme_pb2
from capacityhub.programmes.v1 import programme_service_pb2 as programmes_pb2
from capacityhub.programmes.v1 import programme_service_pb2_grpc as programmes_grpc
from capacityhub.trainings.v1 import impact_service_pb2 as impact_pb2
from capacityhub.trainings.v1 import impact_service_pb2_grpc as impact_grpc
from capacityhub.trainings.v1 import nomination_service_pb2 as nominations_pb2
from capacityhub.trainings.v1 import nomination_service_pb2_grpc as nominations_grpc
from capacityhub.trainings.v1 import training_pb2
from capacityhub.trainings.v1 import training_service_pb2 as trainings_pb2
from capacityhub.trainings.v1 import training_service_pb2_grpc as trainings_grpc

CALLER = "x-capacityhub-caller"
env = os.environ
manager = [(CALLER, env["MANAGER_TOKEN"])]
partner = [(CALLER, env["PARTNER_TOKEN"])]

with grpc.insecure_channel(env["PARTNERS"]) as channel:
    o = partners_grpc.PartnerServiceStub(channel).GetOrganisation(
        partners_pb2.GetOrganisationRequest(name=env["ORGANISATION"]), metadata=manager, timeout=30)
    kind = organisation_pb2.OrganisationType.Name(o.type).replace("ORGANISATION_TYPE_", "")
    print(f"organisation {o.name} {o.display_name} {kind} {o.country_code}")

with grpc.insecure_channel(env["PROGRAMMES"]) as channel:
    stub = programmes_grpc.ProgrammeServiceStub(channel)
    p = stub.GetProgramme(programmes_pb2.GetProgrammeRequest(name=env["PROGRAMME"]), metadata=manager, timeout=30)
    print(f"programme {p.name} {p.code} {programme_pb2.ActivityStatus.Name(p.status)}")
    try:
        stub.GetProgramme(programmes_pb2.GetProgrammeRequest(name=env["PROGRAMME"]), timeout=30)
        print("without token: OK")
    except grpc.RpcError as e:
        print(f"without token: {e.code().name}")

with grpc.insecure_channel(env["TRAININGS"]) as channel:
    trainings = trainings_grpc.TrainingServiceStub(channel)
    for name in env["TRAININGS_TO_READ"].split(","):
        t = trainings.GetTraining(trainings_pb2.GetTrainingRequest(name=name), metadata=manager, timeout=30)
        first = t.session_days[0]
        print(f"training {t.name} {training_pb2.TrainingStatus.Name(t.status)} {first.time_zone} "
              f"first_start={first.start_instant.ToJsonString()}")

    m = impact_grpc.ImpactServiceStub(channel).GetImpactMetrics(
        impact_pb2.GetImpactMetricsRequest(programmes=[env["PROGRAMME"]]), metadata=manager, timeout=30)
    print(f"impact unique_participants={m.unique_participants.value:g} "
          f"completers={m.completion_rate.numerator:g}/{m.completion_rate.denominator} "
          f"reports_received={m.reports_received.numerator:g}")

    own = nominations_grpc.NominationServiceStub(channel).ListNominations(
        nominations_pb2.ListNominationsRequest(parent="trainings/-", page_size=100), metadata=partner, timeout=30)
    print(f"nominations own={len(own.nominations)}")
